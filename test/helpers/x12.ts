// Builds X12 837 files for tests and benchmarks: envelopes with correct counts and control numbers,
// one subscriber level per claim, the claims as specified.
export interface ServiceLineSpec {
  readonly code: string;
  readonly modifiers?: readonly string[];
  readonly units?: number;
  readonly charge?: number;
  /** HI positions (1-12); 837P only. */
  readonly pointers?: readonly number[];
  /** CCYYMMDD */
  readonly date?: string;
  /** 837I only. */
  readonly revenue?: string;
}

export interface ClaimSpec {
  readonly pcn: string;
  readonly memberId?: string;
  readonly payer?: string;
  /** 837P: place of service; 837I: facility type code + frequency (`131`). */
  readonly facility?: string;
  readonly dx: readonly string[];
  readonly lines: readonly ServiceLineSpec[];
  readonly priorAuth?: string;
  /** Claim-level DTP*472 (837P) or DTP*434 (837I), CCYYMMDD. */
  readonly date?: string;
}

export interface FileSpec {
  readonly format?: '837P' | '837I';
  readonly claims: readonly ClaimSpec[];
  /** Written after each segment terminator: '\n' (default), '\r\n' or '' (one line). */
  readonly newline?: string;
}

const pad = (value: string, width: number) => value.padEnd(width, ' ').slice(0, width);

export function isaSegment(control = '000000001'): string {
  return ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('SUBMITTER', 15), 'ZZ', pad('RECEIVER', 15), '260315', '1200', '^', '00501', control, '0', 'T', ':'].join('*');
}

export function build837(spec: FileSpec): string {
  const institutional = spec.format === '837I';
  const guide = institutional ? '005010X223A2' : '005010X222A1';
  const body: string[] = [
    `ST*837*0001*${guide}`,
    'BHT*0019*00*BATCH1*20260315*1200*CH',
    'NM1*41*2*OPNOTE TEST CLINIC*****46*12345',
    'PER*IC*BILLING*TE*5555550100',
    'NM1*40*2*TEST CLEARINGHOUSE*****46*67890',
    'HL*1**20*1',
    'NM1*85*2*OPNOTE PAIN CLINIC*****XX*1234567893',
    'N3*1 MAIN ST',
    'N4*SPRINGFIELD*IL*62701',
    'REF*EI*123456789',
  ];
  spec.claims.forEach((claim, index) => {
    body.push(`HL*${index + 2}*1*22*0`, 'SBR*P*18*******MB', `NM1*IL*1*DOE*JANE****MI*${claim.memberId ?? `MEMBER${index + 1}`}`, `NM1*PR*2*${claim.payer ?? 'MEDICARE'}*****PI*00431`);
    const total = claim.lines.reduce((sum, line) => sum + (line.charge ?? 100), 0);
    const facility = institutional ? `${(claim.facility ?? '131').slice(0, 2)}:A:${(claim.facility ?? '131').slice(2) || '1'}` : `${claim.facility ?? '24'}:B:1`;
    body.push(`CLM*${claim.pcn}*${total}***${facility}*Y*A*Y*Y`);
    if (claim.date) body.push(institutional ? `DTP*434*RD8*${claim.date}-${claim.date}` : `DTP*472*D8*${claim.date}`);
    if (claim.priorAuth) body.push(`REF*G1*${claim.priorAuth}`);
    if (claim.dx.length) body.push(`HI*${claim.dx.map((code, at) => `${at === 0 ? 'ABK' : 'ABF'}:${code.replace('.', '')}`).join('*')}`);
    claim.lines.forEach((line, at) => {
      const procedure = ['HC', line.code, ...(line.modifiers ?? [])].join(':');
      body.push(`LX*${at + 1}`);
      body.push(institutional ? `SV2*${line.revenue ?? '0360'}*${procedure}*${line.charge ?? 100}*UN*${line.units ?? 1}` : `SV1*${procedure}*${line.charge ?? 100}*UN*${line.units ?? 1}***${(line.pointers ?? [1]).join(':')}`);
      if (line.date) body.push(`DTP*472*D8*${line.date}`);
    });
  });
  body.push(`SE*${body.length + 1}*0001`);
  const segments = [isaSegment(), `GS*HC*SUBMITTER*RECEIVER*20260315*1200*1*X*${guide}`, ...body, 'GE*1*1', 'IEA*1*000000001'];
  const newline = spec.newline ?? '\n';
  return segments.map((segment) => `${segment}~${newline}`).join('');
}
