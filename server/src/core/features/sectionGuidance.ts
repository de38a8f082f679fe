/**
 * What each canonical section should hold for a 64596 claim to stand (fact sheet §6, "What the
 * operative note should contain"). Shown on hover over a heading and used by the checklist.
 */
export const SECTION_GUIDANCE: Readonly<Record<string, string>> = {
  procedure: 'Name the procedure as done: percutaneous insertion (or replacement) of an integrated peripheral nerve stimulator, the nerve and the side, and the number of electrode arrays.',
  technique: 'The narrative: percutaneous approach, imaging modality and needle/array position, intraoperative stimulation testing (motor/sensory response, paresthesia coverage) and repositioning, number of arrays, that the system is integrated (no separate pulse generator or pocket), closure.',
  indications: 'Medical necessity: pain duration (≥ 3 months), failed conservative care (medications, PT, psychological therapy, less-invasive treatments), objective pathology (e.g. EMG/NCS), and the temporary trial with its dates, duration and % relief (≥ 50%).',
  'preop-dx': 'The diagnosis that supports the procedure, matching the claim\'s ICD-10-CM codes and their laterality.',
  'postop-dx': 'The diagnosis after the procedure; usually the same as the preoperative one.',
  diagnosis: 'The diagnosis that supports the procedure, matching the claim\'s ICD-10-CM codes and their laterality.',
  anesthesia: 'The anesthesia used (local, MAC, general).',
  findings: 'What was found, including the final array position and the stimulation response.',
  complications: 'Complications, or "None".',
  ebl: 'Estimated blood loss.',
  implants: 'The device: manufacturer/system name, that it is an integrated system, and the number of arrays (drives 64597 units).',
  disposition: 'Where the patient went and the plan (programming, follow-up).',
  'increased-services': 'For modifier 22: the extra time compared with the typical case, the reason (scar, BMI-related depth, anatomy, repositionings) and the extra work. "Difficult case" or "obese patient" alone is rejected by payers.',
  testing: 'Intraoperative stimulation testing: the response obtained (motor/sensory, paresthesia coverage) and any repositioning.',
  imaging: 'Imaging guidance used for this procedure (ultrasound, fluoroscopy, CT). It is included in 64596 and not reported separately.',
};
