// Word pools for the synthetic council history: names, agenda items, motions, speeches and the
// sentences the secretary types into the minutes. Plain data; the seeded Rng picks from it.
import type { Rng } from './rng'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬辉鹏建国志文俊春梅海波宁'

export const personName = (rng: Rng): string => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '')

export const ITEM_TITLES = [
  '加装电梯', '垃圾分类', '停车管理', '社区保障资金项目', '院落绿化', '居民公约修订', '楼道照明改造', '电动车集中充电',
  '老年食堂', '雨污分流改造', '外墙脱落整治', '物业费调整', '消防通道清理', '儿童游乐设施', '宠物管理', '快递柜设置',
  '二次供水改造', '屋顶防水维修', '监控设施增设', '门禁系统更换', '公共空间改造', '楼栋长推选', '志愿服务积分', '微更新项目',
]

const ITEM_DESCRIPTIONS = [
  '居民多次反映该问题，议事会前期已组织走访和入户调查，形成了初步方案，提请本次会议审议。',
  '根据街道关于社区保障资金使用的通知，结合院落实际，拟定项目清单和预算，请各位成员讨论。',
  '物业服务企业提交了整改方案和费用测算，居委会进行了初审，现将方案和意见一并提交议事会。',
  '部分楼栋居民联名提出建议，涉及公共部位的使用和费用分摊，需要议事会形成意见后公示。',
]

const MOTION_TEXTS = [
  '同意按照提交的方案实施，费用从社区保障资金中列支，由居委会监督实施进度。',
  '建议先在试点楼栋实施三个月，根据居民反馈再决定是否全面推广。',
  '同意方案，但费用按楼层和面积分摊，低楼层住户适当减免，并设立专门账户。',
  '暂缓实施，请物业在下次会议前补充消防安全评估和施工期间的安全措施。',
  '同意委托物业服务企业组织实施，议事会监事会全程监督并在院落公示栏公示结果。',
]

const SPEECHES = [
  '支持这个方案，前期走访时多数住户都表示同意，希望尽快实施。',
  '担心施工期间的噪音和安全问题，建议明确施工时间并提前通知住户。',
  '费用分摊的依据需要再说明一下，高楼层和低楼层受益不同，应当区别对待。',
  '建议增加一个试点阶段，先看效果再推广，避免一次性投入过大。',
  '物业的报价偏高，建议再找两家单位比价，保证资金使用的公开透明。',
  '老年人出行不便的问题应当优先考虑，这个项目对他们很重要。',
  '请问后期的维护费用由谁承担，方案里没有写清楚。',
  '同意方案，但要求每个月在公示栏公布资金使用情况。',
]

const MINUTES_SENTENCES = [
  '会议由议事会主任主持，应到成员二十五人，实到成员符合规定人数，会议有效。',
  '居民代表介绍了前期走访的情况，多数住户表示支持，但也有住户担心施工期间的噪音和安全问题。',
  '物业负责人说明了费用测算的依据，建议按楼层和面积分摊，并设立专门账户，接受监事会监督。',
  '部分成员提出应当先征求低楼层住户的意见，必要时召开专题协调会，再作最终决定。',
  '街道列席人员提示，项目须符合社区保障资金的负面清单，不得用于应由其他主体承担的费用。',
  '主持人归纳了讨论中形成的共识和分歧，请提出人根据讨论意见完善动议文本。',
  '经充分讨论，会议对各项动议逐一进行了表决，表决结果当场宣布。',
  '会议要求居委会在七日内将决议在院落公示栏公示，公示期间收集居民意见。',
  '与会成员一致认为，应当加强与物业服务企业的沟通，及时回应居民关切。',
  '记录人宣读了上次会议决议的落实情况，已完成的事项予以确认，未完成的事项说明了原因。',
  '有成员建议今后会议材料提前三天发放，便于成员事先征求所在楼栋居民的意见。',
  '会议还听取了志愿服务队关于本月活动的汇报，对积极参与的居民表示感谢。',
]

/** A paragraph of about `chars` characters from the minutes' sentences. */
export function minutesText(rng: Rng, chars: number): string {
  let out = ''
  while (out.length < chars) out += rng.pick(MINUTES_SENTENCES) + (rng.chance(0.2) ? '\n\n' : '')
  return out.slice(0, chars)
}

export const itemDescription = (rng: Rng): string => rng.pick(ITEM_DESCRIPTIONS) + (rng.chance(0.5) ? rng.pick(ITEM_DESCRIPTIONS) : '')
export const motionText = (rng: Rng, item: string): string => `关于${item}：${rng.pick(MOTION_TEXTS)}`
export const speechSummary = (rng: Rng): string => rng.pick(SPEECHES) + (rng.chance(0.4) ? rng.pick(SPEECHES) : '')
/** Characters a typist may hit by mistake (then deletes). */
export const typo = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...'的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要'])).join('')
