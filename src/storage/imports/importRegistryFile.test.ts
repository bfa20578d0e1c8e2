import { expect, it } from 'vitest';
import { isJifenError, type JifenError } from '../../shared/errors.js';
import { listEducationVerifications, listInsuranceMonths, listTaxRecords } from '../registryRepository.js';
import { describeOnBothEngines } from '../testing/bothEngines.js';
import { syntheticIdNumber, T0 } from '../testing/fixtures.js';
import { importRegistryFile } from './importRegistryFile.js';
import type { LineIssue } from './importRegistryFile.js';

const UNIT = '91310115MA1K477779';

const rejection = async (p: Promise<unknown>): Promise<JifenError> => {
  const error = await p.catch((e: unknown) => e);
  if (!isJifenError(error)) throw new Error(`expected a JifenError, got ${String(error)}`);
  expect(error.code).toBe('import_rejected');
  return error;
};
const lines = (e: JifenError) => (e.detail.issues as LineIssue[]).map((i) => [i.line, i.path]);

describeOnBothEngines('registry imports', (getDb) => {
  async function seedHolders(n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, () => syntheticIdNumber());
    const csv = [
      'idNumber,name,birthDate,phone',
      ...ids.map((id, i) => `${id},测试${i},1990-05-01,1380000000${i % 10}`),
    ].join('\n');
    const report = await importRegistryFile(getDb(), 'holders', 'holders.csv', csv, T0);
    expect(report).toMatchObject({ inserted: n, unchanged: 0 });
    return ids;
  }

  it('imports a good CSV file, and re-importing it changes nothing', async () => {
    const [a, b] = await seedHolders(2);
    const csv = [
      'idNumber,month,base,unitCreditCode,backPaid',
      `${a},2025-01,15000,${UNIT},false`,
      `${a},2025-02,15000.5,${UNIT},0`,
      `"${b}",2025-01,"7384",${UNIT},true`,
      '',
    ].join('\r\n');
    expect(await importRegistryFile(getDb(), 'insurance', 'ins.csv', csv, T0)).toEqual({
      kind: 'insurance',
      format: 'csv',
      rows: 3,
      inserted: 3,
      unchanged: 0,
    });
    expect(await importRegistryFile(getDb(), 'insurance', 'ins.csv', csv, T0)).toEqual({
      kind: 'insurance',
      format: 'csv',
      rows: 3,
      inserted: 0,
      unchanged: 3,
    });
    const { holderIdsByIdNumber } = await import('../holderRepository.js');
    const holderA = (await holderIdsByIdNumber(getDb(), [a!])).get(a!)!;
    expect(await listInsuranceMonths(getDb(), holderA)).toEqual([
      { month: '2025-01', baseFen: 1_500_000, unitCreditCode: UNIT, backPaid: false },
      { month: '2025-02', baseFen: 1_500_050, unitCreditCode: UNIT, backPaid: false },
    ]);
  });

  it('imports JSONL, with money beyond 2^31 fen', async () => {
    const [a] = await seedHolders(1);
    const jsonl = [
      JSON.stringify({
        idNumber: a,
        month: '2024-12',
        payerCreditCode: UNIT,
        income: 95_000_000,
        tax: '40000000.10',
      }),
      '',
      JSON.stringify({ idNumber: a, month: '2025-01', payerCreditCode: UNIT, income: 12000, tax: 0 }),
    ].join('\n');
    expect(await importRegistryFile(getDb(), 'tax', 'tax.jsonl', jsonl, T0)).toMatchObject({
      format: 'jsonl',
      inserted: 2,
    });
    const { holderIdsByIdNumber } = await import('../holderRepository.js');
    const h = (await holderIdsByIdNumber(getDb(), [a!])).get(a!)!;
    expect((await listTaxRecords(getDb(), h))[0]).toMatchObject({
      incomeFen: 9_500_000_000,
      taxFen: 4_000_000_010,
    });
    expect(await importRegistryFile(getDb(), 'tax', 'tax.jsonl', jsonl, T0)).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
  });

  it('rejects wrong columns at the header, naming each', async () => {
    const error = await rejection(
      importRegistryFile(getDb(), 'insurance', 'x.csv', 'idNumber,month,base,unit,backPaid\n', T0),
    );
    expect(lines(error)).toEqual([
      [1, '$.unit'],
      [1, '$.unitCreditCode'],
    ]);
    expect(error.issues[0]?.path).toBe('第 1 行 $.unit');
  });

  it('rejects a bad file whole: bad dates, duplicate months, ragged rows, unknown holders; nothing is written', async () => {
    const [a, b] = await seedHolders(2);
    const stranger = syntheticIdNumber();
    const csv = [
      'idNumber,month,base,unitCreditCode,backPaid',
      `${a},2025-03,15000,${UNIT},false`, // 2: fine
      `${a},2025-13,15000,${UNIT},false`, // 3: bad month
      `${a},2025-03,15000,${UNIT},false`, // 4: duplicate of line 2
      `${b},2025-03,-5,${UNIT},maybe`, // 5: bad money, bad boolean
      `${stranger},2025-03,15000,${UNIT},false`, // 6: unknown holder
      `${b},2025-04,15000`, // 7: ragged
      `12345,2025-04,15000,${UNIT},false`, // 8: bad id number
    ].join('\n');
    const error = await rejection(importRegistryFile(getDb(), 'insurance', 'bad.csv', csv, T0));
    expect(lines(error)).toEqual([
      [3, '$.month'],
      [4, '$'],
      [5, '$.backPaid'],
      [5, '$.base'],
      [6, '$.idNumber'],
      [7, '$'],
      [8, '$.idNumber'],
    ]);
    expect(error.message).toContain('6 行有错误');
    // The error list never echoes an ID number.
    expect(JSON.stringify(error.issues)).not.toContain(stranger);
    const { holderIdsByIdNumber } = await import('../holderRepository.js');
    const holderA = (await holderIdsByIdNumber(getDb(), [a!])).get(a!)!;
    expect(await listInsuranceMonths(getDb(), holderA)).toEqual([]);
  });

  it('rejects a month already present with a different value', async () => {
    const [a] = await seedHolders(1);
    await importRegistryFile(
      getDb(),
      'insurance',
      'one.csv',
      `idNumber,month,base,unitCreditCode,backPaid\n${a},2025-05,15000,${UNIT},false\n`,
      T0,
    );
    const changed = `idNumber,month,base,unitCreditCode,backPaid\n${a},2025-06,15000,${UNIT},false\n${a},2025-05,16000,${UNIT},false\n`;
    const error = await rejection(importRegistryFile(getDb(), 'insurance', 'two.csv', changed, T0));
    expect(lines(error)).toEqual([[3, '$']]);
    const { holderIdsByIdNumber } = await import('../holderRepository.js');
    const h = (await holderIdsByIdNumber(getDb(), [a!])).get(a!)!;
    expect((await listInsuranceMonths(getDb(), h)).map((m) => m.month)).toEqual(['2025-05']);
  });

  it('rejects JSONL lines that are not JSON objects or carry unknown fields', async () => {
    const [a] = await seedHolders(1);
    const jsonl = [
      JSON.stringify({ idNumber: a, recordType: 'marriage', eventDate: '2019-06-01' }),
      '{not json',
      '[1,2]',
      JSON.stringify({ idNumber: a, recordType: 'marriage', eventDate: '2019-02-30', spouse: 'x' }),
      JSON.stringify({ idNumber: a, eventDate: '2020-01-01' }),
    ].join('\n');
    const error = await rejection(importRegistryFile(getDb(), 'household', 'h.jsonl', jsonl, T0));
    expect(lines(error)).toEqual([
      [2, '$'],
      [3, '$'],
      [4, '$.eventDate'],
      [4, '$.spouse'],
      [5, '$.recordType'],
    ]);
  });

  it('refuses credit codes with a wrong check character (GB 32100-2015) and names with hidden characters', async () => {
    const [a] = await seedHolders(1);
    const wrongCheck = '91310000MA1FL0000B';
    const unitsCsv = [
      'creditCode,name,district,kind',
      `${wrongCheck},上海校验位有限公司,闵行,enterprise`,
      `91310000MA1FL0000N,上海\u202E司公限有,闵行,enterprise`,
    ].join('\n');
    const error = await rejection(importRegistryFile(getDb(), 'units', 'u.csv', unitsCsv, T0));
    expect(lines(error)).toEqual([
      [2, '$.creditCode'],
      [3, '$.name'],
    ]);
    const taxJsonl = JSON.stringify({
      idNumber: a,
      month: '2025-01',
      payerCreditCode: wrongCheck,
      income: 1,
      tax: 0,
    });
    const tax = await rejection(importRegistryFile(getDb(), 'tax', 't.jsonl', taxJsonl, T0));
    expect(lines(tax)).toEqual([[1, '$.payerCreditCode']]);
  });

  it('imports units, permits and education results', async () => {
    const [a] = await seedHolders(1);
    const code = '91310000MA1FL0000N';
    const unitsCsv = `creditCode,name,district,kind\n${code},上海测试科技有限公司,闵行,enterprise\n`;
    expect(await importRegistryFile(getDb(), 'units', 'u.csv', unitsCsv, T0)).toMatchObject({ inserted: 1 });
    expect(await importRegistryFile(getDb(), 'units', 'u.csv', unitsCsv, T0)).toMatchObject({ unchanged: 1 });
    const permitsCsv = `permitNo,idNumber,issuedOn,validUntil,endorsedUntil\nSH-${a},${a},2024-01-10,2027-01-09,2026-01-09\n`;
    expect(await importRegistryFile(getDb(), 'permits', 'p.csv', permitsCsv, T0)).toMatchObject({
      inserted: 1,
    });
    const edu = JSON.stringify({
      idNumber: a,
      certificateNo: '1024612020000123',
      level: 'master',
      degree: true,
      fullTime: true,
      foreign: false,
      recognized: true,
      result: 'verified',
      verifiedOn: '2025-08-01',
      majorCode: '0812',
    });
    expect(await importRegistryFile(getDb(), 'education', 'e.jsonl', edu, T0)).toMatchObject({ inserted: 1 });
    expect(await importRegistryFile(getDb(), 'education', 'e.jsonl', edu, T0)).toMatchObject({
      unchanged: 1,
    });
    const { holderIdsByIdNumber } = await import('../holderRepository.js');
    const h = (await holderIdsByIdNumber(getDb(), [a!])).get(a!)!;
    expect(await listEducationVerifications(getDb(), h)).toEqual([
      {
        certificateNo: '1024612020000123',
        level: 'master',
        degree: true,
        fullTime: true,
        foreignDegree: false,
        recognized: true,
        result: 'verified',
        verifiedOn: '2025-08-01',
        majorCode: '0812',
        majorName: null,
      },
    ]);
  });

  it('checks the birth date against the ID number', async () => {
    const id = syntheticIdNumber('19850310');
    const error = await rejection(
      importRegistryFile(getDb(), 'holders', 'h.csv', `idNumber,name,birthDate\n${id},张三,1985-03-11\n`, T0),
    );
    expect(lines(error)).toEqual([[2, '$.birthDate']]);
  });
});
