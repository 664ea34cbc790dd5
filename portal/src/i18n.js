// English and Simplified Chinese. `t(key, vars)` looks a key up in the current language and
// fills `{name}` placeholders; a missing Chinese text falls back to English.

import { signal } from './store.js';

const en = {
  'app.title': 'Polity portal',
  'nav.citizen': 'Citizen', 'nav.data': 'Data owner', 'nav.regulator': 'Regulator', 'nav.network': 'Network', 'nav.governance': 'Governance',
  'conn.connecting': 'Connecting to {url}…', 'conn.failed': 'Cannot reach a Polity node at {url}. Start one with scripts/run-dev.sh, or open this page with ?rpc=ws://HOST:PORT.',
  'conn.best': 'block #{n}', 'conn.finalized': 'finalized #{n}',
  'acct.label': 'Acting as', 'acct.none': 'No account', 'acct.wallet': 'Use a browser wallet', 'acct.walletNone': 'No browser wallet found (Polkadot.js extension, Talisman or SubWallet).', 'acct.dev': 'development account',
  'cit.scopes': 'My scopes and sectors', 'cit.notStakeholder': 'This account is no stakeholder: it votes on nothing. A scope admits members by vote; apply with stakeholderVoting.apply.',
  'cit.sector': 'Sector', 'cit.stake': 'stake {n}', 'cit.status': 'Status', 'cit.toVote': 'To vote', 'cit.nothingToVote': 'Nothing to vote on right now.', 'cit.voted': 'Voted', 'cit.proposals': 'Proposals of {scope}',
  'cit.propose': 'Propose a text proposal', 'cit.scope': 'Scope', 'cit.titleField': 'Title', 'cit.description': 'Description (shown to every voter)', 'cit.submit': 'Submit proposal',
  'cit.deposit': 'Submitting holds a deposit of {deposit} plus {perByte} per byte of description, returned when it ends.',
  'cit.filter.Any': 'All', 'cit.filter.Ongoing': 'Open', 'cit.filter.Passed': 'Passed', 'cit.filter.Rejected': 'Rejected', 'cit.filter.Ended': 'Ended', 'cit.more': 'Older…', 'cit.none': 'None.',
  'sector.Government': 'Government', 'sector.Market': 'Market', 'sector.Community': 'Community',
  'status.Active': 'Active', 'status.Suspended': 'Suspended',
  'p.title': 'Proposal #{n}', 'p.scope': 'Scope', 'p.proposer': 'Proposed by', 'p.status': 'Status', 'p.description': 'Description', 'p.noDescription': 'No description text was noted on chain (hash {hash}).',
  'p.call': 'What it does if it passes', 'p.textOnly': 'Nothing: a text proposal records the stakeholders\u2019 decision.',
  'p.tally': 'Votes per sector (weight)', 'p.quorum': 'Turnout {turnout} of the {quorum} quorum', 'p.approval': 'Approval {approval} (needs more than {needed})',
  'p.timeLeft': 'Voting ends at block #{end}: about {time} left', 'p.ended': 'Voting ended at block #{end}.',
  'p.myVote': 'My vote', 'p.notVoted': 'Not voted yet', 'p.free': 'Your first vote on this proposal is free: no tokens needed. Changing it later pays the usual fee.',
  'p.vote.Aye': 'Aye', 'p.vote.Nay': 'Nay', 'p.vote.Abstain': 'Abstain', 'p.close': 'Close the vote and enact', 'p.projected': 'If it ended now: {outcome}',
  'p.passes': 'it would pass', 'p.fails': 'it would fail', 'p.notFound': 'No proposal #{n} on this chain.',
  'p.outcome.Ongoing': 'Voting is open', 'p.outcome.Approved': 'Passed at block #{at}', 'p.outcome.Held': 'Passed; enactment held by the regulators until block #{until}',
  'p.outcome.AwaitingEnactment': 'Passed; enactment retries at block #{retry}',
  'p.outcome.Scheduled': 'Passed at block #{at}; its call runs at block #{enact_at} unless a chain-wide vote cancels it',
  'p.safeguards': 'Safeguards: voting at least {min} blocks, enactment {delay} blocks after a pass, must be passing for the last {confirm} blocks.',
  'p.passingSince': 'Passing since block #{n}.', 'p.outcome.Rejected': 'Rejected at block #{at}', 'p.outcome.Withdrawn': 'Withdrawn at block #{at}', 'p.outcome.Cancelled': 'Cancelled at block #{at}',
  'p.enacted': 'Enacted: the decision was executed on chain.', 'p.enactFailed': 'Enactment failed: {error}', 'p.ayes': 'Aye', 'p.nays': 'Nay', 'p.abst': 'Abstain',
  'tx.signing': 'Signing…', 'tx.ready': 'Sent, waiting for a block…', 'tx.inBlock': 'In block #{n}; waiting for finality…', 'tx.finalized': 'Done: finalized in block #{n}.', 'tx.failed': 'Not done: {reason}',
  'tx.needAccount': 'Choose an account first.',
  'd.drop': 'Drop a file here, or choose one. It is hashed in this browser and never uploaded.', 'd.hash': 'Content hash (BLAKE2-256)', 'd.registered': 'Already registered: owner {owner}, since block #{at}.',
  'd.free': 'Not registered yet.', 'd.title': 'Title', 'd.mediaType': 'Media type', 'd.uri': 'Where the content can be fetched (optional)', 'd.register': 'Register ownership',
  'd.receipt': 'Download receipt', 'd.receiptWait': 'Waiting for finality to make the receipt…', 'd.check': 'Check a receipt', 'd.checkDrop': 'Drop a receipt (.json) and, optionally, the file it is for.',
  'd.noReceipt': 'the node has no finality proof for it yet; try again in a minute.',
  'd.many': 'Register several files at once', 'd.manyDrop': 'Drop up to {max} files: one transaction registers them all.', 'd.batchCount': '{n} file(s) hashed.',
  'd.batchTooBig': '{n} files: one batch registers at most {max}. Drop fewer.',
  'd.mine': 'My records', 'd.deposit': 'Registering holds a deposit of about {deposit}, returned when the record is purged.',
  'v.fileMatches': 'The file matches the receipt\u2019s content hash.', 'v.fileDiffers': 'The file does NOT match: its hash is {hash}.',
  'v.header': 'The block header in the receipt hashes to its block hash.', 'v.headerBad': 'The block header does not hash to the block hash: forged.',
  'v.canonical': 'Block #{n} is this chain\u2019s block, and it is finalized.', 'v.notCanonical': 'Block #{n} of this chain has another hash: the receipt is not from this chain, or forged.',
  'v.notFinal': 'Block #{n} is not finalized yet.', 'v.onChain': 'The block\u2019s state (its storage proof, checked here against the header\u2019s state root) holds the record: owner {owner}.', 'v.recordBad': 'The record proven in the block\u2019s state differs from the receipt\u2019s.',
  'v.olderSet': 'Finality was signed by authority set #{set}, an earlier one: polity-node verify-receipt follows the set changes from the chain spec.',
  'v.proofBad': 'The storage proof does not show the record: {why}.', 'v.notInProof': 'the content hash is not registered in that block',
  'v.justification': 'GRANDPA finality: {signed} of {total} authorities signed (needs {needed}).', 'v.justificationBad': 'The finality signatures do not check out: {why}.',
  'v.valid': 'VALID: this receipt proves the registration.', 'v.invalid': 'INVALID: {why}', 'v.trust': 'Checked against the node at {url}. For a check that trusts no node, run: polity-node verify-receipt --chain <spec> receipt.json',
  'v.badFile': 'This is not a Polity receipt: {why}',
  'r.search': 'Account to audit', 'r.find': 'Show audit trail', 'r.trail': 'Audit trail of {who}', 'r.regulator': 'Regulator', 'r.stakeholder': 'Stakeholder: {sector}, {status}',
  'r.frozen': 'Frozen until block #{until}', 'r.notFrozen': 'Not frozen', 'r.proposed': 'Proposed #{n}', 'r.voted': 'Voted {choice} on #{n}', 'r.record': 'Registered record {hash}', 'r.action': 'Firewall action #{id}: {what} — {reason}',
  'r.overturned': 'overturned at block #{at}', 'r.freezes': 'Active freezes', 'r.pauses': 'Paused calls and safe mode', 'r.safeMode': 'Safe mode until block #{until}', 'r.noSafeMode': 'Safe mode is off.',
  'r.motions': 'Open motions', 'r.approve': 'Approve', 'r.approvals': '{n} approval(s) of {threshold}', 'r.none': 'None.', 'r.at': 'at block #{at}',
  'n.validators': 'Validators', 'n.regulators': 'Regulators', 'n.licensed': 'Licensed nodes', 'n.heights': 'Best block #{best}, finalized #{finalized}', 'n.pallets': 'Pallets', 'n.running': 'running', 'n.paused': 'paused',
  'n.pausedCall': '{call} paused until #{until}', 'n.all': 'every scope',
  'g.title': 'Governance at a glance', 'g.turnout': 'Turnout of recent proposals in {scope}', 'g.sectorTurnout': 'Turnout per sector in {scope}', 'g.outcomes': 'Outcomes', 'g.passed': 'passed', 'g.failed': 'rejected', 'g.open': 'open',
  'g.enactTime': 'Time from submission to enactment', 'g.noData': 'No proposals yet.', 'g.blocks': '{n} blocks ≈ {time}',
  'lang.switch': '中文',
  'err.limit': '{field} is {n} bytes; the chain accepts at most {max}.', 'err.empty': '{field} must not be empty.',
};

const zh = {
  'app.title': 'Polity 门户',
  'nav.citizen': '公民', 'nav.data': '数据所有者', 'nav.regulator': '监管者', 'nav.network': '网络', 'nav.governance': '治理概览',
  'conn.connecting': '正在连接 {url}…', 'conn.failed': '无法连接 {url} 上的 Polity 节点。请用 scripts/run-dev.sh 启动节点，或在地址后加 ?rpc=ws://主机:端口。',
  'conn.best': '区块 #{n}', 'conn.finalized': '已确定 #{n}',
  'acct.label': '当前账户', 'acct.none': '无账户', 'acct.wallet': '使用浏览器钱包', 'acct.walletNone': '未找到浏览器钱包（Polkadot.js 扩展、Talisman 或 SubWallet）。', 'acct.dev': '开发账户',
  'cit.scopes': '我的议题范围与部门', 'cit.notStakeholder': '此账户不是利益相关者，无投票权。议题范围经投票接纳成员；可通过 stakeholderVoting.apply 申请。',
  'cit.sector': '部门', 'cit.stake': '权益 {n}', 'cit.status': '状态', 'cit.toVote': '待投票', 'cit.nothingToVote': '目前没有待投票的提案。', 'cit.voted': '已投票', 'cit.proposals': '{scope} 的提案',
  'cit.propose': '提交文本提案', 'cit.scope': '议题范围', 'cit.titleField': '标题', 'cit.description': '说明（所有投票人可见）', 'cit.submit': '提交提案',
  'cit.deposit': '提交提案需押金 {deposit}，另加说明每字节 {perByte}，提案结束后退还。',
  'cit.filter.Any': '全部', 'cit.filter.Ongoing': '进行中', 'cit.filter.Passed': '已通过', 'cit.filter.Rejected': '已否决', 'cit.filter.Ended': '已结束', 'cit.more': '更早…', 'cit.none': '无。',
  'sector.Government': '政府', 'sector.Market': '市场', 'sector.Community': '社区',
  'status.Active': '有效', 'status.Suspended': '已暂停',
  'p.title': '提案 #{n}', 'p.scope': '议题范围', 'p.proposer': '提案人', 'p.status': '状态', 'p.description': '说明', 'p.noDescription': '链上未登记说明文本（哈希 {hash}）。',
  'p.call': '通过后执行的操作', 'p.textOnly': '无：文本提案记录利益相关者的决定。',
  'p.tally': '各部门投票（权重）', 'p.quorum': '投票率 {turnout}，法定人数 {quorum}', 'p.approval': '赞成率 {approval}（需超过 {needed}）',
  'p.timeLeft': '投票于区块 #{end} 结束：约剩 {time}', 'p.ended': '投票已于区块 #{end} 结束。',
  'p.myVote': '我的投票', 'p.notVoted': '尚未投票', 'p.free': '您对此提案的首次投票免费，无需代币。之后更改投票需支付普通手续费。',
  'p.vote.Aye': '赞成', 'p.vote.Nay': '反对', 'p.vote.Abstain': '弃权', 'p.close': '结束投票并执行', 'p.projected': '如果现在结束：{outcome}',
  'p.passes': '将通过', 'p.fails': '将不通过', 'p.notFound': '本链上没有提案 #{n}。',
  'p.outcome.Ongoing': '投票进行中', 'p.outcome.Approved': '已于区块 #{at} 通过', 'p.outcome.Held': '已通过；监管者暂缓执行至区块 #{until}',
  'p.outcome.AwaitingEnactment': '已通过；将于区块 #{retry} 重试执行',
  'p.outcome.Scheduled': '已于区块 #{at} 通过；将于区块 #{enact_at} 执行，除非全链投票将其取消',
  'p.safeguards': '保障措施：投票至少 {min} 个区块，通过后 {delay} 个区块执行，结束前须持续通过 {confirm} 个区块。',
  'p.passingSince': '自区块 #{n} 起持续通过。', 'p.outcome.Rejected': '已于区块 #{at} 否决', 'p.outcome.Withdrawn': '已于区块 #{at} 撤回', 'p.outcome.Cancelled': '已于区块 #{at} 取消',
  'p.enacted': '已执行：决定已在链上自动执行。', 'p.enactFailed': '执行失败：{error}', 'p.ayes': '赞成', 'p.nays': '反对', 'p.abst': '弃权',
  'tx.signing': '签名中…', 'tx.ready': '已发送，等待出块…', 'tx.inBlock': '已进入区块 #{n}，等待最终确定…', 'tx.finalized': '完成：已在区块 #{n} 最终确定。', 'tx.failed': '未完成：{reason}',
  'tx.needAccount': '请先选择账户。',
  'd.drop': '将文件拖到此处或选择文件。文件仅在本浏览器中计算哈希，从不上传。', 'd.hash': '内容哈希（BLAKE2-256）', 'd.registered': '已登记：所有者 {owner}，自区块 #{at} 起。',
  'd.free': '尚未登记。', 'd.title': '标题', 'd.mediaType': '媒体类型', 'd.uri': '内容获取地址（可选）', 'd.register': '登记所有权',
  'd.receipt': '下载凭证', 'd.receiptWait': '等待最终确定以生成凭证…', 'd.check': '核验凭证', 'd.checkDrop': '拖入凭证（.json），也可同时拖入对应文件。',
  'd.noReceipt': '节点尚无其最终性证明，请稍后再试。',
  'd.many': '批量登记多个文件', 'd.manyDrop': '最多拖入 {max} 个文件：一笔交易全部登记。', 'd.batchCount': '已计算 {n} 个文件的哈希。',
  'd.batchTooBig': '{n} 个文件：一批最多登记 {max} 个，请减少文件。',
  'd.mine': '我的记录', 'd.deposit': '登记需押金约 {deposit}，记录清除后退还。',
  'v.fileMatches': '文件与凭证中的内容哈希一致。', 'v.fileDiffers': '文件与凭证不一致：其哈希为 {hash}。',
  'v.header': '凭证中的区块头哈希与区块哈希一致。', 'v.headerBad': '区块头哈希与区块哈希不一致：伪造。',
  'v.canonical': '区块 #{n} 属于本链，且已最终确定。', 'v.notCanonical': '本链的区块 #{n} 哈希不同：凭证不属于本链或系伪造。',
  'v.notFinal': '区块 #{n} 尚未最终确定。', 'v.onChain': '该区块的状态（其存储证明已在此对照区块头的状态根核验）包含此记录：所有者 {owner}。', 'v.recordBad': '区块状态中证明的记录与凭证不符。',
  'v.olderSet': '最终性由较早的验证人集合 #{set} 签署：polity-node verify-receipt 会依链规格追踪集合变更。',
  'v.proofBad': '存储证明未显示此记录：{why}。', 'v.notInProof': '该区块中未登记此内容哈希',
  'v.justification': 'GRANDPA 最终性：{total} 个验证人中 {signed} 个签名（需 {needed} 个）。', 'v.justificationBad': '最终性签名不成立：{why}。',
  'v.valid': '有效：此凭证证明了登记。', 'v.invalid': '无效：{why}', 'v.trust': '已对照 {url} 上的节点核验。若要不信任任何节点地核验，请运行：polity-node verify-receipt --chain <链规格> receipt.json',
  'v.badFile': '这不是 Polity 凭证：{why}',
  'r.search': '要审计的账户', 'r.find': '查看审计记录', 'r.trail': '{who} 的审计记录', 'r.regulator': '监管者', 'r.stakeholder': '利益相关者：{sector}，{status}',
  'r.frozen': '冻结至区块 #{until}', 'r.notFrozen': '未冻结', 'r.proposed': '提交提案 #{n}', 'r.voted': '对 #{n} 投票：{choice}', 'r.record': '登记记录 {hash}', 'r.action': '防火墙措施 #{id}：{what} — {reason}',
  'r.overturned': '已于区块 #{at} 撤销', 'r.freezes': '现行冻结', 'r.pauses': '已暂停的调用与安全模式', 'r.safeMode': '安全模式至区块 #{until}', 'r.noSafeMode': '安全模式未开启。',
  'r.motions': '待批准的动议', 'r.approve': '批准', 'r.approvals': '已批准 {n}/{threshold}', 'r.none': '无。', 'r.at': '于区块 #{at}',
  'n.validators': '验证人', 'n.regulators': '监管者', 'n.licensed': '许可节点', 'n.heights': '最新区块 #{best}，已确定 #{finalized}', 'n.pallets': '模块', 'n.running': '运行中', 'n.paused': '已暂停',
  'n.pausedCall': '{call} 暂停至 #{until}', 'n.all': '所有议题范围',
  'g.title': '治理概览', 'g.turnout': '{scope} 近期提案投票率', 'g.sectorTurnout': '{scope} 各部门投票率', 'g.outcomes': '结果', 'g.passed': '通过', 'g.failed': '否决', 'g.open': '进行中',
  'g.enactTime': '从提交到执行的时间', 'g.noData': '暂无提案。', 'g.blocks': '{n} 个区块 ≈ {time}',
  'lang.switch': 'English',
  'err.limit': '{field} 为 {n} 字节；链上上限为 {max}。', 'err.empty': '{field} 不能为空。',
};

/** Errors a person understands, by `pallet.Error` (and pool errors by name). */
const errorsEn = {
  'regulatoryNodes.AccountFrozen': 'Your account is frozen by the regulators: it can only vote or propose to overturn the freeze.',
  'system.CallFiltered': 'This action is paused right now by the regulators (or the chain is in safe mode).',
  'stakeholderVoting.NotInElectorate': 'You are not in this proposal\u2019s electorate: you joined the scope after it was submitted.',
  'stakeholderVoting.NotMember': 'You are not a member of this proposal\u2019s scope.',
  'stakeholderVoting.StakeholderNotFound': 'This account is no stakeholder, so it cannot vote or propose.',
  'stakeholderVoting.VotingEnded': 'The vote has already closed.', 'stakeholderVoting.NotOngoing': 'The vote has already closed.',
  'stakeholderVoting.Suspended': 'Your membership is suspended: you cannot vote on this proposal.',
  'stakeholderVoting.VotingNotEnded': 'Voting has not ended yet: the proposal can be closed after its last block.',
  'stakeholderVoting.TooManyOpenProposals': 'You already have the most open proposals allowed; wait for one to end.',
  'dataOwnership.AlreadyRegistered': 'This file is already registered, by someone else or by you.',
  'Payment': 'The account cannot pay the transaction fee (and this call is not free for it).',
  'Stale': 'The transaction was already used (stale nonce); try again.',
  'Cancelled': 'Signing was cancelled.',
  'BadOrigin': 'The decision\u2019s call may not be made by this scope: only the chain-wide scope can change the chain itself.',
};
const errorsZh = {
  'regulatoryNodes.AccountFrozen': '您的账户已被监管者冻结：只能投票或提议撤销冻结。',
  'system.CallFiltered': '此操作目前已被监管者暂停（或链处于安全模式）。',
  'stakeholderVoting.NotInElectorate': '您不在此提案的选民范围内：您在提案提交后才加入该议题范围。',
  'stakeholderVoting.NotMember': '您不是此提案议题范围的成员。',
  'stakeholderVoting.StakeholderNotFound': '此账户不是利益相关者，不能投票或提案。',
  'stakeholderVoting.VotingEnded': '投票已经结束。', 'stakeholderVoting.NotOngoing': '投票已经结束。',
  'stakeholderVoting.Suspended': '您的成员资格已暂停，不能对此提案投票。',
  'stakeholderVoting.VotingNotEnded': '投票尚未结束：提案在最后一个区块之后才能结束。',
  'stakeholderVoting.TooManyOpenProposals': '您的进行中提案已达上限，请等待其中一个结束。',
  'dataOwnership.AlreadyRegistered': '此文件已被登记（由他人或您本人）。',
  'Payment': '账户无法支付手续费（此操作对其不免费）。',
  'Stale': '交易已被使用（nonce 过期），请重试。',
  'Cancelled': '已取消签名。',
  'BadOrigin': '该议题范围无权执行此决定的调用：只有全链范围可以更改链本身。',
};

export const lang = signal(localStorage.getItem('polity.lang') || (navigator.language?.startsWith('zh') ? 'zh' : 'en'));

export function setLang(l) {
  localStorage.setItem('polity.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  lang.set(l);
}

export function t(key, vars = {}) {
  const dict = lang.get() === 'zh' ? zh : en;
  const text = dict[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? `{${k}}`));
}

/** The words for an error key, or undefined. */
export function errorWords(key) {
  return (lang.get() === 'zh' ? errorsZh : errorsEn)[key] ?? errorsEn[key];
}
