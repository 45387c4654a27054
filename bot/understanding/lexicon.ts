/**
 * Built-in words for specialisms: the doctors' titles, the specialisms' everyday names and the
 * treatments and conditions patients name, in Dutch and English, written normalised (lower
 * case, no accents). reference/treatments.json adds to these at load time; this list keeps the
 * module useful with a thin or missing treatments file and covers the doctors ("de orthopeed",
 * "kno-arts"), which are not treatments.
 *
 * Forms: words separated by spaces; a trailing "*" on the last word matches Dutch compounds
 * that start with it ("staar*" matches "staaroperatie"). "strong" terms name the specialism
 * on their own; "weak" ones are body parts that only count next to a procedure or a waiting
 * question ("mijn knie is opgezwollen" is not orthopaedics; "wachten op mijn knie" is).
 */
import type { CareType } from '../domain/reference.ts';

export interface LexiconEntry {
  id: string;
  code: string;
  nl: string[];
  en: string[];
  weak?: boolean;
  careType?: CareType;
  label?: { nl: string; en: string };
}

export const LEXICON: LexiconEntry[] = [
  // 0301 Oogheelkunde
  { id: 'oogarts', code: '0301', nl: ['oogarts', 'oogartsen', 'oogheelkunde', 'oogheelkundige', 'oogkliniek', 'oogziekenhuis', 'oogpoli', 'oogheelkundig centrum'], en: ['eye doctor', 'eye specialist', 'ophthalmologist', 'ophthalmology', 'eye clinic', 'eye hospital', 'eye department'], careType: 'outpatient' },
  { id: 'staaroperatie', code: '0301', nl: ['staar*', 'cataract*', 'grijze staar'], en: ['cataract', 'cataracts', 'cataract surgery', 'cataract operation'], careType: 'day_treatment', label: { nl: 'staaroperatie', en: 'cataract surgery' } },
  { id: 'oogaandoening', code: '0301', nl: ['glaucoom', 'maculadegeneratie', 'netvlies*', 'hoornvlies*', 'oogoperatie*', 'ooglaser*', 'scheelzien'], en: ['glaucoma', 'macular degeneration', 'retina', 'retinal', 'cornea', 'eye surgery', 'eye operation', 'squint'] },
  { id: 'oog', code: '0301', nl: ['oog', 'ogen'], en: ['eye', 'eyes'], weak: true },
  // 0302 KNO
  { id: 'kno-arts', code: '0302', nl: ['kno', 'kno-arts', 'kno arts', 'knoarts', 'kno-artsen', 'kno-afdeling', 'kno-poli', 'keel- neus- en oorarts', 'keel-neus-oorarts', 'keelneusoorarts', 'keel neus oorarts', 'keel neus en oor arts', 'keel- neus- en oorheelkunde', 'keel neus en oorheelkunde', 'oorarts'], en: ['ent', 'ent doctor', 'ent specialist', 'ear nose and throat', 'ear nose throat', 'otolaryngologist', 'otolaryngology'], careType: 'outpatient' },
  { id: 'kno-ingreep', code: '0302', nl: ['amandel*', 'trommelvlies*', 'buisjes', 'neusbijholte*', 'neusoperatie*', 'neustussenschot*', 'poliepen'], en: ['tonsil', 'tonsils', 'tonsillectomy', 'grommets', 'sinus surgery', 'adenoids', 'ear tubes', 'septoplasty'] },
  // 0303 Heelkunde
  { id: 'chirurg', code: '0303', nl: ['chirurg', 'chirurgen', 'chirurgie', 'heelkunde', 'algemeen chirurg', 'algemene chirurgie'], en: ['surgeon', 'general surgeon', 'general surgery'], careType: 'outpatient' },
  { id: 'chirurgische-ingreep', code: '0303', nl: ['liesbreuk*', 'navelbreuk*', 'littekenbreuk*', 'galblaas*', 'galsteen*', 'galstenen', 'blindedarm*', 'maagverklein*', 'maagband', 'maagbypass', 'spatader*', 'aambei*', 'darmoperatie*'], en: ['hernia', 'inguinal hernia', 'umbilical hernia', 'hernia repair', 'gallbladder', 'gall bladder', 'gallstones', 'gallstone', 'appendix', 'appendicitis', 'varicose veins', 'bariatric', 'gastric bypass', 'gastric sleeve', 'weight loss surgery', 'haemorrhoids', 'hemorrhoids'], careType: 'clinical' },
  // 0304 Plastische chirurgie
  { id: 'plastisch-chirurg', code: '0304', nl: ['plastisch chirurg', 'plastische chirurgie', 'plastische chirurg', 'plastisch chirurgen', 'ooglidcorrectie*', 'borstverklein*', 'borstvergrot*', 'buikwandcorrectie*', 'ooglid*'], en: ['plastic surgeon', 'plastic surgery', 'breast reduction', 'breast augmentation', 'eyelid surgery', 'eyelid correction', 'tummy tuck', 'abdominoplasty', 'blepharoplasty'] },
  // 0305 Orthopedie
  { id: 'orthopeed', code: '0305', nl: ['orthopeed', 'orthopeden', 'orthopedie', 'orthopaedie', 'orthopedisch', 'orthopedische', 'orthopedisch chirurg', 'orthopedie afdeling'], en: ['orthopaedic', 'orthopedic', 'orthopaedics', 'orthopedics', 'orthopaedist', 'orthopedist', 'orthopaedic surgeon', 'orthopedic surgeon', 'orthopaedic surgery', 'orthopedic surgery'], careType: 'outpatient' },
  { id: 'gewrichtsvervanging', code: '0305', nl: ['knieprothese*', 'heupprothese*', 'schouderprothese*', 'kruisband*', 'meniscus*', 'hallux valgus', 'nieuwe knie', 'nieuwe heup', 'nieuwe schouder'], en: ['knee replacement', 'hip replacement', 'shoulder replacement', 'joint replacement', 'acl', 'cruciate ligament', 'meniscus', 'new knee', 'new hip', 'new shoulder', 'bunion', 'bunions'], careType: 'clinical', label: { nl: 'gewrichtsvervanging', en: 'joint replacement' } },
  { id: 'gewricht', code: '0305', nl: ['knie*', 'heup*', 'schouder*'], en: ['knee', 'knees', 'hip', 'hips', 'shoulder', 'shoulders'], weak: true },
  // 0306 Urologie
  { id: 'uroloog', code: '0306', nl: ['uroloog', 'urologen', 'urologie', 'urologische'], en: ['urologist', 'urology', 'urological'], careType: 'outpatient' },
  { id: 'urologische-ingreep', code: '0306', nl: ['prostaat*', 'nierste*', 'vasectomie', 'blaasspiegeling'], en: ['prostate', 'kidney stone', 'kidney stones', 'vasectomy', 'cystoscopy'] },
  // 0307 Gynaecologie
  { id: 'gynaecoloog', code: '0307', nl: ['gynaecoloog', 'gynaecologen', 'gynaecologe', 'gynaecologie', 'gynecoloog', 'gynecologie', 'gyneacoloog', 'verloskunde', 'gynaecologie en verloskunde', 'obstetrie'], en: ['gynaecologist', 'gynecologist', 'gynaecology', 'gynecology', 'obstetrician', 'obstetrics', 'obgyn', 'ob-gyn'], careType: 'outpatient' },
  { id: 'gynaecologische-ingreep', code: '0307', nl: ['baarmoeder*', 'eierstok*', 'hysterectomie', 'verzakking*'], en: ['hysterectomy', 'uterus', 'womb', 'ovary', 'ovaries', 'ovarian', 'prolapse'] },
  // 0308 Neurochirurgie
  { id: 'neurochirurg', code: '0308', nl: ['neurochirurg', 'neurochirurgen', 'neurochirurgie', 'hernia*', 'rughernia*', 'nekhernia*'], en: ['neurosurgeon', 'neurosurgery', 'herniated disc', 'slipped disc', 'spinal surgery', 'disc herniation'] },
  // 0310 Dermatologie
  { id: 'dermatoloog', code: '0310', nl: ['dermatoloog', 'dermatologen', 'dermatologie', 'huidarts', 'huidartsen', 'huidkliniek', 'eczeem', 'psoriasis', 'huidkanker', 'dermatologe'], en: ['dermatologist', 'dermatology', 'skin doctor', 'skin specialist', 'skin clinic', 'eczema', 'psoriasis', 'skin cancer'], careType: 'outpatient' },
  { id: 'huid', code: '0310', nl: ['moedervlek*', 'huid'], en: ['mole', 'moles', 'skin'], weak: true },
  // 0313 Interne geneeskunde
  { id: 'internist', code: '0313', nl: ['internist', 'internisten', 'interne geneeskunde', 'interne', 'internist-oncoloog', 'diabetes*'], en: ['internist', 'internal medicine', 'internal medicine specialist', 'diabetes'], careType: 'outpatient' },
  // 0316 Kindergeneeskunde
  { id: 'kinderarts', code: '0316', nl: ['kinderarts', 'kinderartsen', 'kindergeneeskunde', 'kinderpoli', 'kinderafdeling'], en: ['paediatrician', 'pediatrician', 'paediatrics', 'pediatrics', 'paediatric', 'pediatric', "children's doctor", 'childrens doctor'], careType: 'outpatient' },
  // 0318 MDL
  { id: 'mdl-arts', code: '0318', nl: ['mdl', 'mdl-arts', 'mdl arts', 'mdl-artsen', 'maag-darm-leverarts', 'maag-darm-lever-arts', 'maag- darm- en leverarts', 'maag darm lever arts', 'maag-darm-leverziekten', 'maag- darm- en leverziekten', 'maag darm en leverziekten', 'maag-darm-lever', 'gastro-enteroloog', 'gastro-enterologie', 'gastroenteroloog', 'maagdarmleverarts'], en: ['gastroenterologist', 'gastroenterology', 'gastro-enterologist', 'gastro', 'gi specialist', 'gastro-enterology'], careType: 'outpatient' },
  { id: 'scopie', code: '0318', nl: ['coloscopie*', 'colonoscopie*', 'darmonderzoek*', 'maagonderzoek*', 'gastroscopie*', 'maagspiegeling*', 'darmspiegeling*', 'endoscopie*', 'crohn', 'colitis'], en: ['colonoscopy', 'gastroscopy', 'endoscopy', 'crohn', "crohn's", 'colitis'], careType: 'diagnostics' },
  // 0320 Cardiologie
  { id: 'cardioloog', code: '0320', nl: ['cardioloog', 'cardiologen', 'cardiologie', 'hartspecialist', 'hartpoli', 'hartritme*', 'hartfilmpje', 'hartecho', 'hartfalen', 'boezemfibrilleren', 'ablatie'], en: ['cardiologist', 'cardiology', 'heart specialist', 'heart doctor', 'arrhythmia', 'heart rhythm', 'atrial fibrillation', 'echocardiogram', 'ecg', 'heart failure'], careType: 'outpatient' },
  { id: 'hartkatheterisatie', code: '0320', nl: ['hartkatheterisatie*', 'katheterisatie*', 'dotter*', 'pacemaker*', 'stent*', 'hartkatheter*'], en: ['catheterisation', 'catheterization', 'cardiac catheterisation', 'cardiac catheterization', 'heart catheterisation', 'heart catheterization', 'angioplasty', 'stent', 'pacemaker', 'angiogram'], careType: 'day_treatment' },
  // 0322 Longziekten
  { id: 'longarts', code: '0322', nl: ['longarts', 'longartsen', 'longziekten', 'longgeneeskunde', 'longpoli', 'longfunctie*', 'longonderzoek*', 'copd', 'astma', 'longspecialist'], en: ['pulmonologist', 'pulmonology', 'lung specialist', 'lung doctor', 'respiratory specialist', 'respiratory physician', 'copd', 'asthma', 'lung function', 'chest physician'], careType: 'outpatient' },
  // 0324 Reumatologie
  { id: 'reumatoloog', code: '0324', nl: ['reumatoloog', 'reumatologen', 'reumatologie', 'reuma*', 'reumatoide artritis', 'jicht'], en: ['rheumatologist', 'rheumatology', 'rheumatism', 'rheumatoid', 'rheumatoid arthritis', 'gout'], careType: 'outpatient' },
  // 0326 Allergologie
  { id: 'allergoloog', code: '0326', nl: ['allergoloog', 'allergologie', 'allergietest*', 'allergie-onderzoek', 'allergieonderzoek', 'allergiepoli'], en: ['allergist', 'allergologist', 'allergology', 'allergy test', 'allergy testing', 'allergy clinic'], careType: 'outpatient' },
  // 0327 Revalidatiegeneeskunde
  { id: 'revalidatiearts', code: '0327', nl: ['revalidatiearts', 'revalidatieartsen', 'revalidatie*', 'revalidatiegeneeskunde'], en: ['rehabilitation', 'rehab', 'rehabilitation doctor', 'rehabilitation physician', 'rehabilitation medicine', 'rehabilitation centre', 'rehabilitation center'], careType: 'outpatient' },
  // 0328 Cardio-thoracale chirurgie
  { id: 'hartchirurgie', code: '0328', nl: ['hartchirurg', 'hartchirurgie', 'cardiothoracaal chirurg', 'cardio-thoracaal chirurg', 'cardio-thoracale chirurgie', 'cardiothoracale chirurgie', 'thoraxchirurg', 'thoraxchirurgie', 'openhartoperatie*', 'open hartoperatie', 'hartoperatie*', 'bypass*', 'hartklep*'], en: ['heart surgery', 'open heart surgery', 'cardiac surgery', 'cardiothoracic surgeon', 'cardiothoracic surgery', 'heart surgeon', 'bypass', 'bypass surgery', 'bypass operation', 'heart valve', 'valve replacement', 'cabg', 'heart operation'], careType: 'clinical' },
  // 0329 Psychiatrie
  { id: 'psychiater', code: '0329', nl: ['psychiater', 'psychiaters', 'psychiatrie', 'psychiatrisch'], en: ['psychiatrist', 'psychiatry', 'psychiatric'], careType: 'outpatient' },
  // 0330 Neurologie
  { id: 'neuroloog', code: '0330', nl: ['neuroloog', 'neurologen', 'neurologie', 'neurologe', 'emg', 'eeg', 'migraine', 'epilepsie', 'parkinson', 'multiple sclerose', 'zenuwonderzoek'], en: ['neurologist', 'neurology', 'migraine', 'migraines', 'epilepsy', 'parkinson', "parkinson's", 'multiple sclerosis', 'eeg', 'emg', 'nerve conduction'], careType: 'outpatient' },
  // 0335 Klinische geriatrie
  { id: 'geriater', code: '0335', nl: ['geriater', 'geriaters', 'geriatrie', 'klinische geriatrie', 'klinisch geriater'], en: ['geriatrician', 'geriatrics', 'geriatric'], careType: 'outpatient' },
  // 0361 Radiotherapie
  { id: 'radiotherapie', code: '0361', nl: ['radiotherapeut', 'radiotherapie', 'bestraling*', 'bestraald', 'bestralen', 'radiotherapeutisch'], en: ['radiotherapy', 'radiation therapy', 'radiation treatment', 'radiotherapist', 'radiation oncologist', 'radiation'], careType: 'treatment' },
  // 0362 Radiologie
  { id: 'radiologie', code: '0362', nl: ['radioloog', 'radiologie', 'mri*', 'mri-scan', 'ct', 'ct-scan', 'ctscan', 'rontgen*', 'echografie'], en: ['radiologist', 'radiology', 'mri', 'mri scan', 'ct scan', 'ct', 'x-ray', 'xray', 'cat scan'], careType: 'diagnostics' },
  // 0363 Nucleaire geneeskunde
  { id: 'nucleaire-geneeskunde', code: '0363', nl: ['nucleaire geneeskunde', 'nucleair geneeskundige', 'botscan*', 'pet-scan', 'petscan', 'pet scan', 'scintigrafie'], en: ['nuclear medicine', 'bone scan', 'pet scan', 'pet-scan', 'scintigraphy'], careType: 'diagnostics' },
  // 0389 Anesthesiologie (pijnbestrijding)
  { id: 'pijnbestrijding', code: '0389', nl: ['anesthesioloog', 'anesthesiologen', 'anesthesiologie', 'anesthesist', 'pijnpoli', 'pijnpolikliniek', 'pijnbestrijding', 'pijnbehandeling', 'pijnteam', 'pijnkliniek', 'pijnspecialist'], en: ['anaesthesiologist', 'anesthesiologist', 'anaesthetist', 'anesthetist', 'anaesthesiology', 'anesthesiology', 'pain clinic', 'pain management', 'pain specialist', 'pain team'], careType: 'outpatient' },
  // 0390 Klinische genetica
  { id: 'klinische-genetica', code: '0390', nl: ['klinisch geneticus', 'klinische genetica', 'erfelijkheidsonderzoek*', 'erfelijkheidsadvies', 'dna-onderzoek', 'dna-test', 'dna onderzoek', 'genetisch onderzoek', 'genetica'], en: ['clinical geneticist', 'clinical genetics', 'genetic testing', 'genetic test', 'geneticist', 'genetic counselling', 'genetic counseling', 'genetics', 'dna test'], careType: 'outpatient' },
];

/** Words that make a body part name a treatment ("knieoperatie", "hip surgery", "nieuwe heup"). */
export const PROCEDURE_WORDS = new Set([
  'operatie', 'operaties', 'opereren', 'geopereerd', 'ingreep', 'behandeling', 'behandeld', 'prothese', 'vervanging', 'nieuwe',
  'operation', 'operations', 'surgery', 'surgeries', 'operated', 'replacement', 'replaced', 'procedure', 'new', 'op', 'done',
  'treatment', 'treated', 'laseren', 'gelaserd', 'laser', 'afspraak', 'appointment', 'onderzoek', 'scan', 'intake',
]);
/** Compound tails that make a Dutch body-part compound a procedure ("heup|operatie"). */
export const PROCEDURE_TAILS = ['operatie', 'operaties', 'prothese', 'protheses', 'vervanging', 'ingreep', 'chirurgie', 'behandeling', 'onderzoek'];
/** Side prefixes in compounds ("rechterheup", "linkerknie"). */
export const SIDE_PREFIXES = ['rechter', 'linker'];
