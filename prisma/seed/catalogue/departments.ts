/**
 * Clinical departments with their standard category codes (诊疗科目代码,
 * 卫医发〔1994〕27号: 03 内科, 03.01 呼吸内科专业, 20 急诊医学科 …).
 */
export interface DepartmentDef {
  key: string;
  name: string;
  standardCode: string;
}

export const DEPARTMENTS = {
  prevention: { key: 'prevention', name: '预防保健科', standardCode: '01' },
  general: { key: 'general', name: '全科医疗科', standardCode: '02' },
  internal: { key: 'internal', name: '内科', standardCode: '03' },
  respiratory: { key: 'respiratory', name: '呼吸内科', standardCode: '03.01' },
  gastro: { key: 'gastro', name: '消化内科', standardCode: '03.02' },
  neurology: { key: 'neurology', name: '神经内科', standardCode: '03.03' },
  cardiology: { key: 'cardiology', name: '心血管内科', standardCode: '03.04' },
  nephrology: { key: 'nephrology', name: '肾病内科', standardCode: '03.06' },
  endocrine: { key: 'endocrine', name: '内分泌科', standardCode: '03.07' },
  geriatrics: { key: 'geriatrics', name: '老年病科', standardCode: '03.10' },
  surgery: { key: 'surgery', name: '普通外科', standardCode: '04.01' },
  neurosurgery: { key: 'neurosurgery', name: '神经外科', standardCode: '04.02' },
  orthopedics: { key: 'orthopedics', name: '骨科', standardCode: '04.03' },
  urology: { key: 'urology', name: '泌尿外科', standardCode: '04.04' },
  thoracic: { key: 'thoracic', name: '胸外科', standardCode: '04.05' },
  gynecology: { key: 'gynecology', name: '妇科', standardCode: '05.01' },
  obstetrics: { key: 'obstetrics', name: '产科', standardCode: '05.02' },
  womenHealth: { key: 'womenHealth', name: '妇女保健科', standardCode: '06' },
  pediatrics: { key: 'pediatrics', name: '儿科', standardCode: '07' },
  childHealth: { key: 'childHealth', name: '儿童保健科', standardCode: '09' },
  ophthalmology: { key: 'ophthalmology', name: '眼科', standardCode: '10' },
  ent: { key: 'ent', name: '耳鼻咽喉科', standardCode: '11' },
  dental: { key: 'dental', name: '口腔科', standardCode: '12' },
  dermatology: { key: 'dermatology', name: '皮肤科', standardCode: '13' },
  psychiatry: { key: 'psychiatry', name: '精神科', standardCode: '15' },
  infectious: { key: 'infectious', name: '感染性疾病科', standardCode: '16' },
  oncology: { key: 'oncology', name: '肿瘤科', standardCode: '19' },
  emergency: { key: 'emergency', name: '急诊医学科', standardCode: '20' },
  rehabilitation: { key: 'rehabilitation', name: '康复医学科', standardCode: '21' },
  icu: { key: 'icu', name: '重症医学科', standardCode: '28' },
  laboratory: { key: 'laboratory', name: '医学检验科', standardCode: '30' },
  imaging: { key: 'imaging', name: '医学影像科', standardCode: '32' },
  tcm: { key: 'tcm', name: '中医科', standardCode: '50' },
  integrative: { key: 'integrative', name: '中西医结合科', standardCode: '52' },
} as const satisfies Record<string, DepartmentDef>;

export type DepartmentKey = keyof typeof DEPARTMENTS;

const HOSPITAL_CORE: DepartmentKey[] = [
  'internal', 'respiratory', 'gastro', 'neurology', 'cardiology', 'endocrine', 'nephrology', 'geriatrics',
  'surgery', 'neurosurgery', 'orthopedics', 'urology', 'thoracic', 'gynecology', 'obstetrics', 'pediatrics',
  'ophthalmology', 'ent', 'dental', 'dermatology', 'infectious', 'oncology', 'emergency', 'rehabilitation',
  'icu', 'laboratory', 'imaging', 'tcm',
];

/** The departments an institution of this type (and size) runs. */
export function departmentsFor(type: string, large: boolean): DepartmentKey[] {
  switch (type) {
    case 'general_hospital':
      return large ? HOSPITAL_CORE : ['internal', 'respiratory', 'cardiology', 'gastro', 'neurology', 'surgery', 'orthopedics', 'gynecology', 'obstetrics', 'pediatrics', 'emergency', 'ent', 'ophthalmology', 'dental', 'laboratory', 'imaging', 'tcm'];
    case 'tcm_hospital':
      return ['tcm', 'integrative', 'internal', 'respiratory', 'cardiology', 'neurology', 'gastro', 'endocrine', 'orthopedics', 'surgery', 'gynecology', 'pediatrics', 'rehabilitation', 'emergency', 'dermatology', 'laboratory', 'imaging'];
    case 'maternal_child':
      return ['obstetrics', 'gynecology', 'womenHealth', 'pediatrics', 'childHealth', 'prevention', 'laboratory', 'imaging'];
    case 'specialized_hospital':
      return ['psychiatry', 'internal', 'rehabilitation', 'laboratory', 'imaging'];
    case 'township_health_center':
    case 'community_health_center':
      return ['general', 'internal', 'tcm', 'prevention', 'womenHealth', 'childHealth', 'dental', 'laboratory', 'imaging'];
    case 'cdc':
      return ['prevention', 'laboratory'];
    case 'blood_center':
      return ['laboratory'];
    default:
      return ['general', 'internal', 'laboratory'];
  }
}
