/**
 * Small clinical code tables the generator draws from: the everyday mix of a
 * Sichuan city's outpatient and inpatient departments, not an exhaustive list.
 */

export interface DiagnosisEntry {
  /** ICD-10 国家临床版 2.0 style code. */
  readonly code: string;
  readonly name: string;
  readonly department: string;
  /** Relative frequency in outpatient visits. */
  readonly weight: number;
  readonly inpatient?: boolean;
}

export const DIAGNOSES: readonly DiagnosisEntry[] = [
  { code: 'J06.900', name: '急性上呼吸道感染', department: '呼吸内科', weight: 16 },
  { code: 'I10.x00', name: '高血压', department: '心血管内科', weight: 14 },
  { code: 'E11.900', name: '2型糖尿病', department: '内分泌科', weight: 9 },
  { code: 'K29.700', name: '胃炎', department: '消化内科', weight: 7 },
  { code: 'J20.900', name: '急性支气管炎', department: '呼吸内科', weight: 6 },
  { code: 'M54.500', name: '腰痛', department: '骨科', weight: 5 },
  { code: 'E78.500', name: '高脂血症', department: '内分泌科', weight: 4 },
  { code: 'N39.000', name: '泌尿道感染', department: '泌尿外科', weight: 3 },
  { code: 'R50.900', name: '发热', department: '急诊科', weight: 3 },
  { code: 'L30.900', name: '皮炎', department: '皮肤科', weight: 3 },
  { code: 'H10.900', name: '结膜炎', department: '眼科', weight: 2 },
  { code: 'K02.900', name: '龋病', department: '口腔科', weight: 2 },
  { code: 'J18.900', name: '肺炎', department: '呼吸内科', weight: 3, inpatient: true },
  { code: 'I25.100', name: '冠状动脉粥样硬化性心脏病', department: '心血管内科', weight: 3, inpatient: true },
  { code: 'I63.900', name: '脑梗死', department: '神经内科', weight: 2, inpatient: true },
  { code: 'K80.200', name: '胆囊结石', department: '普外科', weight: 2, inpatient: true },
  { code: 'K35.800', name: '急性阑尾炎', department: '普外科', weight: 1, inpatient: true },
  { code: 'J44.100', name: '慢性阻塞性肺病伴急性加重', department: '呼吸内科', weight: 2, inpatient: true },
  { code: 'O80.000', name: '单胎顺产', department: '产科', weight: 1, inpatient: true },
  { code: 'S72.000', name: '股骨颈骨折', department: '骨科', weight: 1, inpatient: true },
  { code: 'C34.900', name: '肺恶性肿瘤', department: '肿瘤科', weight: 1, inpatient: true },
];

export interface LabItem {
  readonly itemCode: string;
  readonly itemName: string;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  readonly decimals: number;
}

export interface LabPanel {
  readonly name: string;
  readonly specimen: string;
  readonly items: readonly LabItem[];
}

export const LAB_PANELS: readonly LabPanel[] = [
  {
    name: '血常规', specimen: '全血', items: [
      { itemCode: 'WBC', itemName: '白细胞计数', unit: '10^9/L', low: 3.5, high: 9.5, decimals: 2 },
      { itemCode: 'RBC', itemName: '红细胞计数', unit: '10^12/L', low: 4.3, high: 5.8, decimals: 2 },
      { itemCode: 'HGB', itemName: '血红蛋白', unit: 'g/L', low: 130, high: 175, decimals: 0 },
      { itemCode: 'PLT', itemName: '血小板计数', unit: '10^9/L', low: 125, high: 350, decimals: 0 },
      { itemCode: 'NEUT%', itemName: '中性粒细胞百分比', unit: '%', low: 40, high: 75, decimals: 1 },
    ],
  },
  {
    name: '肝肾功能', specimen: '血清', items: [
      { itemCode: 'ALT', itemName: '丙氨酸氨基转移酶', unit: 'U/L', low: 9, high: 50, decimals: 0 },
      { itemCode: 'AST', itemName: '天门冬氨酸氨基转移酶', unit: 'U/L', low: 15, high: 40, decimals: 0 },
      { itemCode: 'CREA', itemName: '肌酐', unit: 'μmol/L', low: 57, high: 111, decimals: 0 },
      { itemCode: 'UREA', itemName: '尿素', unit: 'mmol/L', low: 3.1, high: 8.0, decimals: 1 },
      { itemCode: 'UA', itemName: '尿酸', unit: 'μmol/L', low: 208, high: 428, decimals: 0 },
    ],
  },
  {
    name: '血糖血脂', specimen: '血清', items: [
      { itemCode: 'GLU', itemName: '葡萄糖', unit: 'mmol/L', low: 3.9, high: 6.1, decimals: 1 },
      { itemCode: 'TC', itemName: '总胆固醇', unit: 'mmol/L', low: 2.8, high: 5.2, decimals: 2 },
      { itemCode: 'TG', itemName: '甘油三酯', unit: 'mmol/L', low: 0.45, high: 1.7, decimals: 2 },
      { itemCode: 'HbA1c', itemName: '糖化血红蛋白', unit: '%', low: 4.0, high: 6.0, decimals: 1 },
    ],
  },
  {
    name: '尿常规', specimen: '尿', items: [
      { itemCode: 'PRO', itemName: '尿蛋白', unit: '', low: 0, high: 0, decimals: 0 },
      { itemCode: 'GLU-U', itemName: '尿糖', unit: '', low: 0, high: 0, decimals: 0 },
      { itemCode: 'SG', itemName: '尿比重', unit: '', low: 1.003, high: 1.03, decimals: 3 },
    ],
  },
];

export const EXAMS: readonly { modality: string; bodyPart: string; normal: string; abnormal: string; conclusionNormal: string; conclusionAbnormal: string }[] = [
  { modality: 'DX', bodyPart: '胸部', normal: '双肺纹理清晰，未见明显实变影。心影大小形态正常。', abnormal: '右下肺野见斑片状模糊影。', conclusionNormal: '心肺未见明显异常。', conclusionAbnormal: '右下肺炎症可能，建议复查。' },
  { modality: 'CT', bodyPart: '头颅', normal: '脑实质密度均匀，脑室系统未见扩大。', abnormal: '左侧基底节区见小片状低密度影。', conclusionNormal: '颅脑CT平扫未见明显异常。', conclusionAbnormal: '左侧基底节区腔隙性脑梗死。' },
  { modality: 'US', bodyPart: '肝胆脾胰', normal: '肝脏形态大小正常，胆囊壁光滑。', abnormal: '胆囊内见强回声团伴声影。', conclusionNormal: '肝胆脾胰未见明显异常。', conclusionAbnormal: '胆囊结石。' },
  { modality: 'ECG', bodyPart: '心脏', normal: '窦性心律，心率72次/分。', abnormal: '窦性心律，ST-T改变。', conclusionNormal: '正常心电图。', conclusionAbnormal: '异常心电图：ST-T改变。' },
  { modality: 'MR', bodyPart: '腰椎', normal: '腰椎生理曲度存在，椎间盘信号正常。', abnormal: 'L4/5椎间盘向后突出，压迫硬膜囊。', conclusionNormal: '腰椎MR未见明显异常。', conclusionAbnormal: 'L4/5椎间盘突出。' },
];

export const DRUGS: readonly { drugCode: string; drugName: string; spec: string; dose: string; route: string; frequency: string; unit: string }[] = [
  { drugCode: 'YP010233', drugName: '头孢克肟分散片', spec: '0.1g*6片', dose: '0.1 g', route: '口服', frequency: 'bid', unit: '盒' },
  { drugCode: 'YP020518', drugName: '盐酸氨溴索片', spec: '30mg*20片', dose: '30 mg', route: '口服', frequency: 'tid', unit: '盒' },
  { drugCode: 'YP030112', drugName: '苯磺酸氨氯地平片', spec: '5mg*7片', dose: '5 mg', route: '口服', frequency: 'qd', unit: '盒' },
  { drugCode: 'YP030245', drugName: '盐酸二甲双胍片', spec: '0.5g*20片', dose: '0.5 g', route: '口服', frequency: 'tid', unit: '盒' },
  { drugCode: 'YP040031', drugName: '阿托伐他汀钙片', spec: '20mg*7片', dose: '20 mg', route: '口服', frequency: 'qn', unit: '盒' },
  { drugCode: 'YP050077', drugName: '奥美拉唑肠溶胶囊', spec: '20mg*14粒', dose: '20 mg', route: '口服', frequency: 'qd', unit: '盒' },
  { drugCode: 'YP060190', drugName: '布洛芬缓释胶囊', spec: '0.3g*20粒', dose: '0.3 g', route: '口服', frequency: 'bid', unit: '盒' },
  { drugCode: 'YP070004', drugName: '0.9%氯化钠注射液', spec: '250ml', dose: '250 ml', route: '静脉滴注', frequency: 'qd', unit: '袋' },
  { drugCode: 'YP080321', drugName: '连花清瘟胶囊', spec: '0.35g*24粒', dose: '1.4 g', route: '口服', frequency: 'tid', unit: '盒' },
  { drugCode: 'YP090015', drugName: '阿司匹林肠溶片', spec: '100mg*30片', dose: '100 mg', route: '口服', frequency: 'qd', unit: '盒' },
];

/** National immunisation programme vaccines (code, name, age in months of the usual dose). */
export const VACCINES: readonly { code: string; name: string; manufacturer: string; route: string; site: string }[] = [
  { code: '0101', name: '卡介苗', manufacturer: '上海生物制品研究所有限责任公司', route: '皮内注射', site: '上臂三角肌' },
  { code: '0201', name: '乙肝疫苗(CHO)', manufacturer: '华北制药金坦生物技术股份有限公司', route: '肌内注射', site: '上臂三角肌' },
  { code: '0303', name: '脊灰灭活疫苗(IPV)', manufacturer: '北京生物制品研究所有限责任公司', route: '肌内注射', site: '大腿前外侧' },
  { code: '0402', name: '百白破疫苗', manufacturer: '武汉生物制品研究所有限责任公司', route: '肌内注射', site: '上臂三角肌' },
  { code: '1201', name: '麻腮风疫苗', manufacturer: '北京生物制品研究所有限责任公司', route: '皮下注射', site: '上臂外侧' },
  { code: '1601', name: '乙脑减毒活疫苗', manufacturer: '成都生物制品研究所有限责任公司', route: '皮下注射', site: '上臂外侧' },
  { code: '1701', name: 'A群流脑多糖疫苗', manufacturer: '兰州生物制品研究所有限责任公司', route: '皮下注射', site: '上臂外侧' },
  { code: '1901', name: '甲肝减毒活疫苗', manufacturer: '长春生物制品研究所有限责任公司', route: '皮下注射', site: '上臂外侧' },
];

/** Notifiable diseases as written on report cards (bulletin name, ICD-10) and their relative frequency. */
export const NOTIFIABLE: readonly { disease: string; icd10: string; weight: number }[] = [
  { disease: '流行性感冒', icd10: 'J11.101', weight: 30 },
  { disease: '其他感染性腹泻病', icd10: 'A09.900', weight: 14 },
  { disease: '手足口病', icd10: 'B08.400', weight: 10 },
  { disease: '乙型肝炎', icd10: 'B18.100', weight: 10 },
  { disease: '肺结核', icd10: 'A15.000', weight: 8 },
  { disease: '梅毒', icd10: 'A53.900', weight: 8 },
  { disease: '新型冠状病毒感染', icd10: 'U07.100', weight: 6 },
  { disease: '流行性腮腺炎', icd10: 'B26.900', weight: 3 },
  { disease: '丙型肝炎', icd10: 'B18.200', weight: 3 },
  { disease: '细菌性和阿米巴性痢疾', icd10: 'A03.900', weight: 2 },
  { disease: '猩红热', icd10: 'A38.x00', weight: 2 },
  { disease: '艾滋病', icd10: 'B24.x01', weight: 1 },
];

export const DOCTORS = ['刘芳', '赵明', '王建华', '陈静', '李强', '张丽', '杨勇', '黄敏', '周涛', '吴霞', '徐斌', '孙燕'];
