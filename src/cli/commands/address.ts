/**
 * `address --profile P [--org ABBR] NAME...` (SPEC §2): prints, one per line, the address each person would receive
 * under profile P; names earlier in the same call count as already taken.
 */
import { AddressError, allocatePersonalAddress, GIVEN_NAME_MARKER, normalizeAgencyAbbr } from '../../rules/address.ts';
import { loadPolicy, isPolicyId } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, formatCitation, POLICY_IDS, type Policy } from '../../rules/policy/schema.ts';
import { RunError } from '../../errors.ts';
import { EXIT, UsageError, type Command, type ParsedValues } from '../command.ts';

const FORMAT_LABEL = {
  'initials-given': '<chữ cái đầu của họ và tên lót><tên>',
  'given-initials.agency': '<tên><chữ cái đầu của họ và tên đệm>.<tên viết tắt cơ quan>',
} as const;

/** One help line per profile, computed from the profile itself so it cannot drift from the rules. */
function profileLines(): string[] {
  return POLICY_IDS.flatMap((id) => {
    const policy = loadPolicy(id);
    const format = policy.addresses.personal.value;
    const taken = new Set<string>();
    const sample = [0, 1, 2].map(() => {
      const address = allocatePersonalAddress(policy, 'Nguyễn Thanh Bình', { agencyAbbr: 'sokhcn' }, taken);
      taken.add(address);
      return address.split('@')[0];
    });
    const label = format ? FORMAT_LABEL[format] : '(không quy định)';
    const duplicateCite = formatCitation(policy.addresses.duplicate.cite);
    return [
      `  ${id}${id === DEFAULT_POLICY ? ' (mặc định)' : ''}: ${label}@${policy.domain.value}`,
      `      ${formatCitation(policy.addresses.personal.cite)}; trùng tên (${duplicateCite}):`,
      `      Nguyễn Thanh Bình ở sokhcn → ${sample.join(', ')}`,
    ];
  });
}

function usage(): string {
  return [
    'Cách dùng: npm run cli -- address [--profile HỒ_SƠ] [--org TÊN_VIẾT_TẮT] "HỌ TÊN" ["HỌ TÊN" ...]',
    '',
    'In ra địa chỉ hộp thư cá nhân mà mỗi người sẽ được cấp, mỗi dòng một địa chỉ, theo thứ tự nhập.',
    'Người đứng trước trong cùng lệnh được coi là đã có địa chỉ (người sau trùng tên nhận địa chỉ phân biệt).',
    '',
    'Tùy chọn:',
    `  --profile HỒ_SƠ   ${POLICY_IDS.join(', ')} (mặc định ${DEFAULT_POLICY})`,
    '  --org TÊN         tên viết tắt của cơ quan, ví dụ sotttt, sokhcn; bắt buộc với sonla-2025,',
    '                    cần với soctrang-2014 khi có người trùng tên',
    '  --help            in hướng dẫn này',
    '',
    'Định dạng theo từng hồ sơ:',
    ...profileLines(),
    '',
    'Cách viết họ tên:',
    '  Tiếng Việt có dấu hoặc không dấu, chữ hoa hay thường, Unicode dựng sẵn (NFC) hay tổ hợp (NFD) đều được;',
    '  đ → d; khoảng trắng thừa bị bỏ; dấu nháy (H\'Hen, Ksor H\'Lim), gạch nối và ký tự ngoài a–z bị bỏ khỏi địa chỉ.',
    '  Từ cuối cùng là tên; các từ trước là họ và tên lót (viết tắt). Họ tên hai từ: họ + tên (Mùa Sính → msinh).',
    `  Tên gồm nhiều từ (thường gặp ở tên người Khmer) đánh dấu bằng "${GIVEN_NAME_MARKER}" trước phần tên:`,
    `    "Thạch Thị${GIVEN_NAME_MARKER}Sa Rươne" → ttsaruone   (không đánh dấu: "Thạch Thị Sa Rươne" → ttsruone)`,
    '  Nhớ đặt mỗi họ tên trong dấu ngoặc kép.',
    '',
    'Ví dụ:',
    '  npm run cli -- address "Dương Chí Nguyện" "Dư Cao Nguyên"        → dcnguyen@…, dcnguyen1@…',
    '  npm run cli -- address --profile sonla-2025 --org sokhcn "Nguyễn Thanh Bình"',
    '',
    'Mã thoát: 0 thành công; 1 có họ tên không dùng được (in ra họ tên đó); 2 sai cách dùng.',
  ].join('\n');
}

function selectPolicy(values: ParsedValues): Policy {
  const id = values.profile ?? DEFAULT_POLICY;
  if (typeof id !== 'string' || !isPolicyId(id)) {
    throw new UsageError(`không có hồ sơ "${String(id)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
  }
  return loadPolicy(id);
}

function selectOrg(values: ParsedValues, policy: Policy): string | undefined {
  const raw = typeof values.org === 'string' ? values.org : undefined;
  let org: string | undefined;
  try {
    org = normalizeAgencyAbbr(raw);
  } catch (err) {
    throw err instanceof AddressError ? new UsageError(`--org: ${err.message}`) : err;
  }
  if (org === undefined && policy.addresses.personal.value === 'given-initials.agency') {
    throw new UsageError(
      `hồ sơ ${policy.id} đặt tên cơ quan trong địa chỉ cá nhân ` +
        `(${formatCitation(policy.addresses.personal.cite)}): cần --org`,
    );
  }
  return org;
}

export const addressCommand: Command = {
  name: 'address',
  get usage() {
    return usage();
  },
  options: { profile: { type: 'string' }, org: { type: 'string' } },
  positionals: true,
  async run(values, names, io) {
    const policy = selectPolicy(values);
    const org = selectOrg(values, policy);
    if (names.length === 0) throw new UsageError('cần ít nhất một họ tên');
    const taken = new Set<string>();
    const addresses: string[] = [];
    const problems: string[] = [];
    for (const [index, name] of names.entries()) {
      try {
        const address = allocatePersonalAddress(policy, name, { agencyAbbr: org }, taken);
        taken.add(address);
        addresses.push(address);
      } catch (err) {
        if (!(err instanceof AddressError)) throw err;
        if (err.code === 'agency-required') throw new UsageError(`${err.message}: thêm --org`);
        problems.push(`họ tên thứ ${index + 1}: ${err.message}`);
      }
    }
    // All or nothing: a partial list would shift every later line against its name.
    if (problems.length > 0) throw new RunError(`không tạo được địa chỉ:\n  ${problems.join('\n  ')}`);
    io.stdout(addresses.map((a) => `${a}\n`).join(''));
    return EXIT.ok;
  },
};
