/**
 * Drugs by therapeutic group, coded by ATC (the code column takes any local or
 * national code; ATC keeps the demo readable), with the usual Chinese
 * spec, single dose, route and frequency. Herbal slices (中药饮片) come in
 * their own group for TCM prescriptions.
 */
export interface Drug {
  code: string;
  name: string;
  spec: string;
  dose: string;
  route: string;
  frequency: string;
  /** Packs per day of treatment (quantity = days × perDay, rounded up). */
  perDay: number;
  unit: string;
}

const d = (code: string, name: string, spec: string, dose: string, route: string, frequency: string, perDay: number, unit: string): Drug => ({ code, name, spec, dose, route, frequency, perDay, unit });
const PO = '口服';
const IV = '静脉滴注';

export const DRUG_GROUPS: Record<string, readonly Drug[]> = {
  cold: [
    d('ZT-LHQW', '连花清瘟胶囊', '0.35g*24粒', '1.4g', PO, 'tid', 0.5, '盒'),
    d('N02BE01', '对乙酰氨基酚片', '0.5g*12片', '0.5g', PO, 'prn', 0.25, '盒'),
    d('ZT-GML', '感冒灵颗粒', '10g*9袋', '10g', PO, 'tid', 0.34, '盒'),
    d('ZT-YQJD', '银翘解毒片', '0.5g*36片', '2g', PO, 'tid', 0.34, '盒'),
  ],
  antipyretic: [d('M01AE01', '布洛芬混悬液', '100ml:2g', '5ml', PO, 'prn', 0.15, '瓶'), d('N02BE01', '对乙酰氨基酚混悬滴剂', '15ml:1.5g', '1ml', PO, 'prn', 0.1, '瓶')],
  cough: [
    d('R05CB06', '盐酸氨溴索片', '30mg*20片', '30mg', PO, 'tid', 0.15, '盒'),
    d('R05FA02', '复方甘草片', '100片', '3片', PO, 'tid', 0.1, '瓶'),
    d('ZT-SCYK', '苏黄止咳胶囊', '0.45g*24粒', '1.35g', PO, 'tid', 0.4, '盒'),
  ],
  antibioticOral: [
    d('J01CA04', '阿莫西林胶囊', '0.25g*24粒', '0.5g', PO, 'tid', 0.25, '盒'),
    d('J01DC04', '头孢克洛缓释片', '0.375g*6片', '0.375g', PO, 'bid', 0.34, '盒'),
    d('J01FA10', '阿奇霉素片', '0.25g*6片', '0.5g', PO, 'qd', 0.34, '盒'),
    d('J01MA12', '左氧氟沙星片', '0.5g*4片', '0.5g', PO, 'qd', 0.25, '盒'),
  ],
  antibioticIv: [
    d('J01DC02', '注射用头孢呋辛钠', '0.75g', '1.5g', IV, 'bid', 4, '支'),
    d('J01DD04', '注射用头孢曲松钠', '1.0g', '2.0g', IV, 'qd', 2, '支'),
    d('J01CR05', '注射用哌拉西林钠他唑巴坦钠', '4.5g', '4.5g', IV, 'q8h', 3, '支'),
    d('J01MA12', '左氧氟沙星氯化钠注射液', '100ml:0.5g', '0.5g', IV, 'qd', 1, '袋'),
  ],
  ivFluid: [
    d('B05XA03', '0.9%氯化钠注射液', '250ml', '250ml', IV, 'qd', 1, '袋'),
    d('B05BA03', '5%葡萄糖注射液', '250ml', '250ml', IV, 'qd', 1, '袋'),
    d('B05BB01', '复方氯化钠注射液', '500ml', '500ml', IV, 'qd', 1, '袋'),
  ],
  antihypertensive: [
    d('C08CA01', '苯磺酸氨氯地平片', '5mg*28片', '5mg', PO, 'qd', 0.036, '盒'),
    d('C08CA05', '硝苯地平控释片', '30mg*12片', '30mg', PO, 'qd', 0.084, '盒'),
    d('C09CA04', '厄贝沙坦片', '0.15g*7片', '0.15g', PO, 'qd', 0.143, '盒'),
    d('C09CA01', '氯沙坦钾片', '50mg*14片', '50mg', PO, 'qd', 0.072, '盒'),
    d('C07AB07', '富马酸比索洛尔片', '5mg*10片', '5mg', PO, 'qd', 0.1, '盒'),
    d('C03AA03', '氢氯噻嗪片', '25mg*100片', '12.5mg', PO, 'qd', 0.005, '瓶'),
  ],
  antidiabetic: [
    d('A10BA02', '盐酸二甲双胍片', '0.5g*48片', '0.5g', PO, 'tid', 0.063, '盒'),
    d('A10BF01', '阿卡波糖片', '50mg*30片', '50mg', PO, 'tid', 0.1, '盒'),
    d('A10BB12', '格列美脲片', '2mg*30片', '2mg', PO, 'qd', 0.034, '盒'),
    d('A10AB05', '门冬胰岛素注射液', '3ml:300单位', '8单位', '皮下注射', 'tid', 0.08, '支'),
    d('A10BH01', '磷酸西格列汀片', '100mg*7片', '100mg', PO, 'qd', 0.143, '盒'),
  ],
  statin: [d('C10AA05', '阿托伐他汀钙片', '20mg*7片', '20mg', PO, 'qn', 0.143, '盒'), d('C10AA07', '瑞舒伐他汀钙片', '10mg*7片', '10mg', PO, 'qn', 0.143, '盒')],
  antiplatelet: [d('B01AC06', '阿司匹林肠溶片', '100mg*30片', '100mg', PO, 'qd', 0.034, '盒'), d('B01AC04', '硫酸氢氯吡格雷片', '75mg*7片', '75mg', PO, 'qd', 0.143, '盒')],
  anticoagulant: [d('B01AF01', '利伐沙班片', '10mg*10片', '10mg', PO, 'qd', 0.1, '盒'), d('B01AA03', '华法林钠片', '2.5mg*60片', '2.5mg', PO, 'qd', 0.017, '瓶')],
  heartFailure: [d('C03CA01', '呋塞米片', '20mg*100片', '20mg', PO, 'qd', 0.01, '瓶'), d('C03DA01', '螺内酯片', '20mg*100片', '20mg', PO, 'qd', 0.01, '瓶'), d('C09DX04', '沙库巴曲缬沙坦钠片', '100mg*14片', '100mg', PO, 'bid', 0.143, '盒')],
  bronchodilator: [d('R03AK06', '沙美特罗替卡松粉吸入剂', '50μg/250μg*60吸', '1吸', '吸入', 'bid', 0.034, '盒'), d('R03BB04', '噻托溴铵粉吸入剂', '18μg*10粒', '18μg', '吸入', 'qd', 0.1, '盒'), d('R03DA04', '茶碱缓释片', '0.1g*24片', '0.1g', PO, 'bid', 0.084, '盒')],
  ppi: [d('A02BC01', '奥美拉唑肠溶胶囊', '20mg*14粒', '20mg', PO, 'bid', 0.143, '盒'), d('A02BC04', '雷贝拉唑钠肠溶片', '10mg*14片', '10mg', PO, 'qd', 0.072, '盒'), d('A02BC02', '注射用泮托拉唑钠', '40mg', '40mg', IV, 'qd', 1, '支')],
  antacid: [d('A02AD04', '铝碳酸镁咀嚼片', '0.5g*20片', '1g', '嚼服', 'tid', 0.3, '盒'), d('A03FA03', '多潘立酮片', '10mg*30片', '10mg', PO, 'tid', 0.1, '盒')],
  antidiarrheal: [d('A07BC05', '蒙脱石散', '3g*10袋', '3g', PO, 'tid', 0.3, '盒'), d('A07FA51', '双歧杆菌三联活菌胶囊', '0.21g*36粒', '0.42g', PO, 'bid', 0.12, '盒')],
  antispasmodic: [d('A03BB01', '消旋山莨菪碱片', '5mg*100片', '5mg', PO, 'prn', 0.01, '瓶')],
  liver: [d('A05BA03', '水飞蓟宾胶囊', '35mg*24粒', '70mg', PO, 'tid', 0.25, '盒'), d('A05BA-PPC', '多烯磷脂酰胆碱胶囊', '228mg*24粒', '456mg', PO, 'tid', 0.25, '盒')],
  nsaid: [d('M01AE01', '布洛芬缓释胶囊', '0.3g*20粒', '0.3g', PO, 'bid', 0.1, '盒'), d('M01AB05', '双氯芬酸钠缓释片', '75mg*10片', '75mg', PO, 'qd', 0.1, '盒'), d('M02AA15', '双氯芬酸二乙胺乳胶剂', '20g', '适量', '外用', 'tid', 0.1, '支'), d('M01AH01', '塞来昔布胶囊', '0.2g*6粒', '0.2g', PO, 'qd', 0.17, '盒')],
  calcium: [d('A12AX', '碳酸钙D3片', '600mg*60片', '600mg', PO, 'qd', 0.017, '瓶'), d('A11CC04', '骨化三醇软胶囊', '0.25μg*10粒', '0.25μg', PO, 'qd', 0.1, '盒')],
  topical: [d('D07AC13', '糠酸莫米松乳膏', '5g', '适量', '外用', 'qd', 0.1, '支'), d('D06AX09', '莫匹罗星软膏', '5g', '适量', '外用', 'tid', 0.15, '支'), d('G01AF02', '克霉唑阴道片', '0.5g*1片', '0.5g', '阴道给药', 'qn', 0.5, '盒')],
  antihistamine: [d('R06AX13', '氯雷他定片', '10mg*6片', '10mg', PO, 'qd', 0.17, '盒'), d('R06AE07', '盐酸西替利嗪片', '10mg*12片', '10mg', PO, 'qd', 0.084, '盒')],
  eyeDrops: [d('S01AE05', '左氧氟沙星滴眼液', '5ml:24.4mg', '1滴', '滴眼', 'qid', 0.15, '支'), d('S01XA20', '玻璃酸钠滴眼液', '5ml:5mg', '1滴', '滴眼', 'tid', 0.1, '支')],
  prostate: [d('G04CA02', '盐酸坦索罗辛缓释胶囊', '0.2mg*10粒', '0.2mg', PO, 'qn', 0.1, '盒'), d('G04CB01', '非那雄胺片', '5mg*10片', '5mg', PO, 'qd', 0.1, '盒')],
  sleep: [d('N05CF02', '酒石酸唑吡坦片', '10mg*7片', '10mg', PO, 'qn', 0.143, '盒'), d('N05BA06', '劳拉西泮片', '0.5mg*20片', '0.5mg', PO, 'qn', 0.05, '盒')],
  antidepressant: [d('N06AB06', '盐酸舍曲林片', '50mg*14片', '50mg', PO, 'qd', 0.072, '盒'), d('N06AB10', '草酸艾司西酞普兰片', '10mg*7片', '10mg', PO, 'qd', 0.143, '盒')],
  antipsychotic: [d('N05AH04', '富马酸喹硫平片', '0.1g*30片', '0.2g', PO, 'bid', 0.134, '盒'), d('N05AX08', '利培酮片', '1mg*20片', '2mg', PO, 'bid', 0.2, '盒'), d('N05AH03', '奥氮平片', '5mg*28片', '10mg', PO, 'qn', 0.072, '盒')],
  oxytocin: [d('H01BB02', '缩宫素注射液', '1ml:10单位', '10单位', '肌内注射', 'st', 1, '支')],
  antiviralFlu: [d('J05AH02', '磷酸奥司他韦胶囊', '75mg*10粒', '75mg', PO, 'bid', 0.2, '盒'), d('J05AX25', '玛巴洛沙韦片', '20mg*2片', '40mg', PO, 'st', 1, '盒')],
  antiTb: [d('J04AM02', '异福片（异烟肼利福平）', '0.45g*60片', '0.6g', PO, 'qd', 0.02, '瓶'), d('J04AK01', '吡嗪酰胺片', '0.25g*100片', '1.5g', PO, 'qd', 0.06, '瓶'), d('J04AK02', '盐酸乙胺丁醇片', '0.25g*100片', '0.75g', PO, 'qd', 0.03, '瓶')],
  antiHbv: [d('J05AF10', '恩替卡韦分散片', '0.5mg*7片', '0.5mg', PO, 'qd', 0.143, '盒'), d('J05AF07', '富马酸替诺福韦二吡呋酯片', '300mg*30片', '300mg', PO, 'qd', 0.034, '盒')],
  antiSyphilis: [d('J01CE08', '注射用苄星青霉素', '120万单位', '240万单位', '肌内注射', 'qw', 2, '支')],
  antiHiv: [d('J05AR-BIC', '比克恩丙诺片', '30片', '1片', PO, 'qd', 0.034, '瓶'), d('J05AR06', '拉米夫定替诺福韦片', '30片', '1片', PO, 'qd', 0.034, '瓶')],
  tcmPatent: [d('ZT-FFDS', '复方丹参滴丸', '27mg*180丸', '270mg', PO, 'tid', 0.17, '瓶'), d('ZT-XSTT', '血塞通软胶囊', '60mg*24粒', '120mg', PO, 'bid', 0.17, '盒'), d('ZT-LWDH', '六味地黄丸', '200丸', '8丸', PO, 'tid', 0.12, '瓶')],
  herbal: [
    d('YP-HQ', '黄芪', '饮片', '15g', '煎服', 'bid', 15, 'g'), d('YP-DG', '当归', '饮片', '10g', '煎服', 'bid', 10, 'g'),
    d('YP-DS', '党参', '饮片', '15g', '煎服', 'bid', 15, 'g'), d('YP-BZ', '白术', '饮片', '12g', '煎服', 'bid', 12, 'g'),
    d('YP-FL', '茯苓', '饮片', '15g', '煎服', 'bid', 15, 'g'), d('YP-GC', '甘草', '饮片', '6g', '煎服', 'bid', 6, 'g'),
    d('YP-CX', '川芎', '饮片', '10g', '煎服', 'bid', 10, 'g'), d('YP-CH', '柴胡', '饮片', '10g', '煎服', 'bid', 10, 'g'),
    d('YP-CP', '陈皮', '饮片', '10g', '煎服', 'bid', 10, 'g'), d('YP-BX', '法半夏', '饮片', '9g', '煎服', 'bid', 9, 'g'),
    d('YP-DZ', '丹参', '饮片', '15g', '煎服', 'bid', 15, 'g'), d('YP-SY', '山药', '饮片', '20g', '煎服', 'bid', 20, 'g'),
  ],
};

/** Drugs a notifiable disease brings (by ICD-10 prefix), for the visits behind report cards. */
export function drugGroupsForInfection(icd10: string): string[] {
  if (icd10.startsWith('J09') || icd10.startsWith('J10') || icd10.startsWith('J11')) return ['antiviralFlu', 'cold'];
  if (icd10.startsWith('A15') || icd10.startsWith('A16')) return ['antiTb'];
  if (icd10.startsWith('B16') || icd10.startsWith('B18')) return ['antiHbv', 'liver'];
  if (icd10.startsWith('B17') || icd10.startsWith('B15') || icd10.startsWith('B19')) return ['liver'];
  if (/^A5[0-3]/.test(icd10)) return ['antiSyphilis'];
  if (/^B2[0-4]/.test(icd10)) return ['antiHiv'];
  if (icd10.startsWith('A54')) return ['antibioticIv'];
  if (icd10.startsWith('A0') || icd10.startsWith('B08')) return ['antidiarrheal', 'antipyretic'];
  return ['antipyretic'];
}
