/**
 * Exam and imaging report templates (modality, body part, findings and
 * conclusion), normal and abnormal, keyed by what a diagnosis orders.
 */
export interface ExamTemplate {
  key: string;
  /** DICOM-style modality: DX CT MR US ES ECG */
  modality: string;
  bodyPart: string;
  normal: readonly [string, string];
  /** Abnormal findings by diagnosis code prefix; '*' applies to any abnormal result. */
  abnormal: Readonly<Record<string, readonly [string, string]>>;
}

export const EXAMS: Record<string, ExamTemplate> = {
  DX_CHEST: { key: 'DX_CHEST', modality: 'DX', bodyPart: '胸部正位', normal: ['双肺纹理清晰，肺野透亮度正常，未见明显实质性病变。心影大小形态正常，双膈面光整。', '心肺膈未见明显异常。'], abnormal: {
    J18: ['右下肺野见斑片状模糊影，边界不清。心影不大。', '右下肺炎，建议治疗后复查。'],
    J20: ['双肺纹理增多、增粗，未见明显实变影。', '支气管炎征象。'],
    J44: ['双肺透亮度增高，肺纹理稀疏，膈肌低平。', '慢性阻塞性肺疾病征象。'],
    I50: ['心影增大，心胸比约0.58，双肺门影增浓。', '心影增大，肺淤血。'],
    '*': ['双肺纹理增多。', '双肺纹理增多，请结合临床。'],
  } },
  CT_CHEST: { key: 'CT_CHEST', modality: 'CT', bodyPart: '胸部平扫', normal: ['双肺野清晰，未见明显结节及实变影，纵隔内未见肿大淋巴结。', '胸部CT平扫未见明显异常。'], abnormal: {
    J18: ['双肺下叶见片状磨玻璃影及实变影，以右侧为著。', '双肺下叶炎症。'],
    C34: ['右肺上叶见不规则软组织肿块，大小约3.2cm×2.8cm，边缘分叶，可见毛刺。纵隔见肿大淋巴结。', '右肺上叶占位，考虑肺癌，建议穿刺活检。'],
    '*': ['左肺上叶见一微小结节，直径约4mm。', '左肺上叶微小结节，建议年度随访。'],
  } },
  CT_HEAD: { key: 'CT_HEAD', modality: 'CT', bodyPart: '头颅平扫', normal: ['脑实质密度均匀，脑室系统大小形态正常，中线结构居中。', '颅脑CT平扫未见明显异常。'], abnormal: {
    I63: ['左侧基底节区见斑片状低密度影，边界模糊。', '左侧基底节区脑梗死。'],
    I61: ['右侧基底节区见团块状高密度影，大小约3.0cm×2.5cm，周围见低密度水肿带。', '右侧基底节区脑出血。'],
    '*': ['双侧侧脑室旁白质见斑片状低密度影。', '脑白质脱髓鞘改变。'],
  } },
  MR_HEAD: { key: 'MR_HEAD', modality: 'MR', bodyPart: '头颅平扫+DWI', normal: ['脑实质信号未见异常，DWI未见弥散受限。', '头颅MR平扫未见明显异常。'], abnormal: {
    I63: ['左侧放射冠区见斑片状长T1长T2信号，DWI呈高信号。', '左侧放射冠区急性脑梗死。'],
    '*': ['双侧额叶皮层下见点状长T2信号。', '脑内少许缺血灶。'],
  } },
  CT_ABD: { key: 'CT_ABD', modality: 'CT', bodyPart: '全腹部平扫', normal: ['肝胆胰脾肾形态密度未见异常，腹腔内未见积液。', '腹部CT平扫未见明显异常。'], abnormal: {
    K80: ['胆囊增大，壁增厚，腔内见高密度结石影。', '胆囊结石伴胆囊炎。'],
    K35: ['阑尾增粗，直径约1.2cm，周围脂肪间隙模糊。', '急性阑尾炎。'],
    K56: ['小肠扩张积气积液，可见多个气液平面。', '小肠梗阻。'],
    N20: ['左肾盂内见高密度结石影，大小约0.6cm，左肾盂轻度扩张。', '左肾结石伴轻度积水。'],
    C22: ['肝右叶见团块状低密度影，大小约5.1cm×4.3cm，边界欠清。', '肝右叶占位，考虑肝癌。'],
    '*': ['肝内见小囊状低密度影。', '肝囊肿。'],
  } },
  US_ABD: { key: 'US_ABD', modality: 'US', bodyPart: '肝胆胰脾彩超', normal: ['肝脏大小形态正常，实质回声均匀；胆囊壁光滑；胰、脾未见异常。', '肝胆胰脾未见明显异常。'], abnormal: {
    K76: ['肝脏体积稍大，实质回声细密增强，后方回声衰减。', '脂肪肝（中度）。'],
    K80: ['胆囊壁毛糙增厚，腔内见多个强回声团伴声影。', '胆囊结石，胆囊炎。'],
    '*': ['肝实质回声稍增粗。', '肝实质回声稍增粗，请结合临床。'],
  } },
  US_URO: { key: 'US_URO', modality: 'US', bodyPart: '泌尿系彩超', normal: ['双肾大小形态正常，集合系统未见分离，膀胱充盈良好。', '泌尿系未见明显异常。'], abnormal: {
    N20: ['右肾下盏见强回声团，大小约0.5cm，后伴声影。', '右肾结石。'],
    N40: ['前列腺体积增大，约5.2cm×4.1cm×3.8cm，内回声不均。', '前列腺增生。'],
    '*': ['双肾实质回声增强。', '双肾实质回声增强，请结合肾功能。'],
  } },
  US_HEART: { key: 'US_HEART', modality: 'US', bodyPart: '心脏彩超', normal: ['各房室大小正常，室壁运动协调，瓣膜形态及启闭未见异常，LVEF 62%。', '心脏结构及功能未见明显异常。'], abnormal: {
    I50: ['左房左室增大，左室壁运动普遍减弱，LVEF 38%。', '左心增大，左室收缩功能减低。'],
    I10: ['左室壁增厚，室间隔厚约12mm，舒张功能减低。', '左室壁肥厚，左室舒张功能减低。'],
    '*': ['主动脉瓣少量反流。', '主动脉瓣轻度反流。'],
  } },
  US_CAROTID: { key: 'US_CAROTID', modality: 'US', bodyPart: '颈部血管彩超', normal: ['双侧颈动脉内中膜不厚，管腔内未见斑块。', '双侧颈动脉未见明显异常。'], abnormal: {
    '*': ['双侧颈动脉内中膜增厚，左侧分叉处见低回声斑块，大小约1.2cm×0.2cm。', '双侧颈动脉粥样硬化伴斑块形成。'],
  } },
  US_OB: { key: 'US_OB', modality: 'US', bodyPart: '产科彩超', normal: ['宫内单活胎，胎心胎动可见，羊水量正常，胎盘附着于子宫前壁。', '宫内单活胎，超声孕周与临床相符。'], abnormal: {
    '*': ['宫内单活胎，羊水指数偏少（AFI 7.5cm）。', '羊水偏少，建议复查。'],
  } },
  US_GYN: { key: 'US_GYN', modality: 'US', bodyPart: '妇科彩超', normal: ['子宫大小形态正常，肌层回声均匀，双附件区未见明显包块。', '子宫及双附件未见明显异常。'], abnormal: {
    D25: ['子宫增大，肌层见多个低回声结节，最大约3.5cm×3.1cm。', '子宫多发肌瘤。'],
    '*': ['左侧附件区见无回声区，大小约2.8cm×2.1cm。', '左附件区囊性包块。'],
  } },
  US_BREAST: { key: 'US_BREAST', modality: 'US', bodyPart: '乳腺彩超', normal: ['双侧乳腺腺体结构清晰，未见明显占位。', '双侧乳腺未见明显异常。BI-RADS 1类。'], abnormal: {
    C50: ['左乳外上象限见低回声团块，大小约2.4cm×1.9cm，形态不规则，边缘呈毛刺状。', '左乳实性占位，BI-RADS 5类。'],
    '*': ['双乳腺体增厚，回声紊乱。', '双侧乳腺增生。BI-RADS 2类。'],
  } },
  ES_GASTRO: { key: 'ES_GASTRO', modality: 'ES', bodyPart: '电子胃镜', normal: ['食管黏膜光滑，贲门开闭好，胃窦黏膜光滑，幽门圆，十二指肠未见异常。', '胃镜检查未见明显异常。'], abnormal: {
    K29: ['胃窦黏膜红白相间，以红为主，散在点状糜烂。', '慢性非萎缩性胃炎伴糜烂。'],
    K21: ['食管下段黏膜见条状糜烂，长度<5mm。', '反流性食管炎（LA-A级）。'],
    K92: ['十二指肠球部前壁见一溃疡，大小约0.8cm，表面覆白苔，可见血痂。', '十二指肠球部溃疡伴出血（Forrest IIb）。'],
    C16: ['胃窦小弯侧见不规则溃疡型肿物，表面污秽，质脆易出血。', '胃窦占位，考虑胃癌，已取活检。'],
    '*': ['胃窦黏膜充血水肿。', '慢性浅表性胃炎。'],
  } },
  ECG: { key: 'ECG', modality: 'ECG', bodyPart: '常规十二导联心电图', normal: ['窦性心律，心率72次/分，PR间期0.16s，QRS时限0.08s，ST-T未见异常。', '窦性心律，正常心电图。'], abnormal: {
    I48: ['P波消失，代之以f波，心室率不齐，平均98次/分。', '心房颤动。'],
    I21: ['V1-V4导联ST段弓背向上抬高0.3-0.5mV，可见病理性Q波。', '急性前壁心肌梗死。'],
    I25: ['II、III、aVF导联ST段压低0.05-0.1mV，T波低平。', '窦性心律，ST-T改变（下壁心肌缺血）。'],
    '*': ['窦性心律，心率58次/分。', '窦性心动过缓。'],
  } },
  DX_LSPINE: { key: 'DX_LSPINE', modality: 'DX', bodyPart: '腰椎正侧位', normal: ['腰椎序列正常，椎体形态及骨质未见异常，椎间隙等宽。', '腰椎未见明显异常。'], abnormal: { '*': ['腰椎生理曲度变直，L4-5椎间隙变窄，椎体边缘骨质增生。', '腰椎退行性变。'] } },
  DX_CSPINE: { key: 'DX_CSPINE', modality: 'DX', bodyPart: '颈椎正侧位', normal: ['颈椎序列正常，椎间隙等宽。', '颈椎未见明显异常。'], abnormal: { '*': ['颈椎生理曲度变直，C5-6椎间隙变窄，钩椎关节增生。', '颈椎退行性变。'] } },
  MR_LSPINE: { key: 'MR_LSPINE', modality: 'MR', bodyPart: '腰椎平扫', normal: ['腰椎序列及信号未见异常。', '腰椎MR平扫未见明显异常。'], abnormal: { '*': ['L4-5椎间盘向左后方突出，相应硬膜囊及左侧神经根受压。', 'L4-5椎间盘突出（左后型）。'] } },
  CT_LSPINE: { key: 'CT_LSPINE', modality: 'CT', bodyPart: '腰椎间盘平扫', normal: ['各腰椎间盘未见明显突出。', '腰椎间盘CT未见明显异常。'], abnormal: { '*': ['L5/S1椎间盘向后方突出，硬膜囊受压。', 'L5/S1椎间盘突出。'] } },
  DX_KNEE: { key: 'DX_KNEE', modality: 'DX', bodyPart: '膝关节正侧位', normal: ['膝关节诸骨骨质未见异常，关节间隙正常。', '膝关节未见明显异常。'], abnormal: { '*': ['膝关节间隙内侧变窄，关节边缘骨质增生，髁间隆起变尖。', '膝关节退行性骨关节病。'] } },
  DX_HIP: { key: 'DX_HIP', modality: 'DX', bodyPart: '髋关节正位', normal: ['双髋关节骨质未见异常。', '髋关节未见明显异常。'], abnormal: { S72: ['左侧股骨颈骨皮质不连续，见透亮骨折线，断端错位。', '左侧股骨颈骨折。'], '*': ['双髋关节间隙稍窄。', '髋关节退行性变。'] } },
  CT_HIP: { key: 'CT_HIP', modality: 'CT', bodyPart: '髋关节三维重建', normal: ['髋关节骨质结构未见异常。', '髋关节CT未见明显异常。'], abnormal: { '*': ['左侧股骨颈骨折，断端嵌插。', '左股骨颈骨折（GardenⅢ型）。'] } },
  DX_WRIST: { key: 'DX_WRIST', modality: 'DX', bodyPart: '腕关节正侧位', normal: ['腕关节诸骨骨质未见异常。', '腕关节未见明显骨折。'], abnormal: { '*': ['桡骨远端骨皮质断裂，远折端向背侧移位。', '桡骨远端骨折（Colles骨折）。'] } },
  DX_ANKLE: { key: 'DX_ANKLE', modality: 'DX', bodyPart: '踝关节正侧位', normal: ['踝关节诸骨骨质未见异常，关节间隙正常。', '踝关节未见明显骨折。'], abnormal: { '*': ['外踝周围软组织肿胀，未见明显骨折线。', '踝关节周围软组织肿胀。'] } },
  DX_ABD: { key: 'DX_ABD', modality: 'DX', bodyPart: '立位腹平片', normal: ['腹部肠管未见明显扩张积气，未见气液平面。', '腹部平片未见明显异常。'], abnormal: { '*': ['中上腹见多个阶梯状气液平面，肠管扩张。', '肠梗阻征象。'] } },
};

/** Findings and conclusion for a report: abnormal ones matched on the diagnosis prefix. */
export function examText(tpl: ExamTemplate, abnormal: boolean, diagnosisCode: string): readonly [string, string] {
  if (!abnormal) return tpl.normal;
  const prefix = diagnosisCode.slice(0, 3);
  return tpl.abnormal[prefix] ?? tpl.abnormal['*'] ?? tpl.normal;
}
