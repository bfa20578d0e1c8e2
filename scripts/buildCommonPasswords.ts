/**
 * Writes src/accounts/data/common-passwords.txt, the blocklist of the password
 * rules (src/accounts/passwordPolicy.ts; issue 12). Its entries are the
 * well-known heads of the public leaked-password rankings (the "top 100" lists
 * of SplashData/NordPass, the RockYou and CSDN leaks' most frequent entries),
 * keyboard walks, digit runs, years and dates, Chinese pinyin favourites, the
 * site's own name, each alone and with the suffixes people add to reach a
 * length rule. Entries are stored normalized (lower case, letters and digits
 * only), as the rule compares them: "P@ss word!" and "password" are one entry.
 *
 *   node --import tsx scripts/buildCommonPasswords.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeForBlocklist } from '../src/accounts/passwordPolicy.js';

const WORDS = `password passw0rd p4ssw0rd pass passwd iloveyou princess rockyou abc123 monkey dragon
master letmein login welcome admin administrator root sunshine shadow football baseball basketball soccer
hockey superman batman trustno1 michael jennifer jordan hunter ranger buster thomas robert daniel
charlie andrew michelle jessica ashley amanda nicole summer freedom whatever starwars hello hello1
computer internet secret qazwsx access flower cookie cheese pepper ginger orange banana apple chocolate
lovely loveme iloveu family friends forever angel angels babygirl baby tigger purple yellow silver
killer matrix mustang harley corvette ferrari porsche mercedes jaguar merlin maggie ginger diamond
master1 test tester testing guest user default changeme change temp temppass qwerty azerty qwertz
asdf zxcv zaq1 mypassword mypass newpass newpassword oldpassword nopassword password1 password12
monkey1 dragon1 shanghai beijing china zhongguo huawei xiaomi tencent alibaba baidu weixin qq
woaini woaini1314 aini1314 woaiwojia wojiushiwo nihao nihao123 zhangwei wangwei liwei wangfang
liuyang zhangjie lina zhangmin woshishui caonima tiantian xiaoxiao mingming lilili
jifen juzhuzheng jifenxitong shanghaijifen jifenshanghai residence permit points
linkedin facebook google twitter youtube microsoft windows apple iphone samsung android
summer spring autumn winter january february march april may june july august september october
november december monday friday sunday
`
  .split(/\s+/)
  .filter(Boolean);

const WALKS = [
  'qwertyuiop',
  'qwertyuiopasdfghjkl',
  'asdfghjkl',
  'asdfghjkl123',
  'zxcvbnm',
  'zxcvbnm123',
  'qwertyui',
  'qwerty123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop123',
  'qwertyuiop1234',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  'zaq12wsx',
  'zaq1zaq1',
  'zaq1xsw2cde3',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u8i',
  'q1w2e3r4',
  'q1w2e3r4t5y6',
  'qazwsxedc',
  'qazwsxedcrfv',
  'qweasdzxc',
  'qweasdzxc123',
  'asdfasdf',
  'asdfasdfasdf',
  'qweqweqwe',
  'qweqweqweqwe',
  'asdqwe123',
  'qwe123qwe123',
  'abcd1234',
  'abcdefgh',
  'abcdefghijkl',
  'abcdefghijklmnop',
  'abc123abc123',
  'aaaaaaaaaaaa',
  '1234qwer',
  '1234qwerasdf',
  '1234abcd',
  'qwer1234',
  'asdf1234',
  'zxcv1234',
  'zxcvbnm1234',
  'poiuytrewq',
  'lkjhgfdsa',
  'mnbvcxz',
  'qazxswedc',
  'wsxedcrfv',
  '147258369',
  '147852369',
  '159753',
  '159357',
  '741852963',
  '963852741',
  '789456123',
  '123456789abc',
  'abc123456789',
  '1a2b3c4d5e6f',
  'a1b2c3d4e5f6',
  'a1s2d3f4g5h6',
  'passwordpassword',
  'iloveyouiloveyou',
];

const DIGITS = [
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '12345678910',
  '123456789012',
  '1234567890123',
  '0123456789',
  '01234567890',
  '987654321',
  '9876543210',
  '0987654321',
  '111111',
  '11111111',
  '111111111111',
  '000000',
  '00000000',
  '000000000000',
  '123123',
  '123123123',
  '123123123123',
  '112233',
  '112233445566',
  '121212',
  '121212121212',
  '123321',
  '123454321',
  '654321',
  '666666',
  '666666666666',
  '888888',
  '888888888888',
  '5201314',
  '52013145201314',
  '1314520',
  '13145201314520',
  '520520',
  '520520520520',
  '147258',
  '258369',
  '123654',
  '100200',
  '110110',
  '110110110110',
  '7758521',
  '77585210',
  '12344321',
  '246810',
  '13579',
  '1357924680',
  '2468013579',
  '999999999999',
  '222222222222',
  '333333333333',
  '444444444444',
  '555555555555',
  '777777777777',
  '121314151617',
  '101010101010',
];

const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '!',
  '!!',
  '!!!',
  '1!',
  '123!',
  '@123',
  '#123',
  '.',
  '01',
  '007',
  '111',
  '666',
  '888',
  '520',
  '1314',
  '5201314',
  'abc',
  'qwe',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
];

const entries = new Set<string>();
const add = (s: string) => {
  const n = normalizeForBlocklist(s);
  if (n.length >= 4) entries.add(n);
};
for (const w of WORDS) {
  for (const s of SUFFIXES) {
    add(w + s);
    add(w[0]!.toUpperCase() + w.slice(1) + s);
  }
  add(w + w);
  add(`${w}${w}${w}`);
}
for (const w of WALKS) for (const s of ['', '1', '123', '!', '2024', '2025']) add(w + s);
for (const d of DIGITS) {
  add(d);
  for (const w of ['a', 'abc', 'qwe', 'qwerty', 'password', 'admin', 'woaini', 'iloveyou']) {
    add(w + d);
    add(d + w);
  }
}
// Years and birthdays: 1950–2030 alone, doubled, and as 8-digit dates of the 1st and 15th of each month.
for (let y = 1950; y <= 2030; y++) {
  add(`${y}${y}`);
  add(`${y}${y}${y}`);
  for (let m = 1; m <= 12; m++)
    for (const d of [1, 15]) {
      const date = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
      add(date);
      add(`${date}${date.slice(0, 4)}`);
    }
}
const file = fileURLToPath(new URL('../src/accounts/data/common-passwords.txt', import.meta.url));
const header = [
  '# Blocklist of the password rules (src/accounts/passwordPolicy.ts, issue 12).',
  '# Generated by scripts/buildCommonPasswords.ts (see its comment for the sources);',
  '# one normalized entry a line: lower case, letters and digits only.',
];
writeFileSync(file, `${[...header, ...[...entries].sort()].join('\n')}\n`);
console.log(`${entries.size} entries → ${file}`);
