// How many SMS parts a text costs, so `parts` and `encoding` in responses look like Telnyx's.

// GSM 03.38 default alphabet (one septet each) and its extension table (escape + char = two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

export interface SmsEncoding {
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
}

export function smsEncoding(text: string): SmsEncoding {
  let septets = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENDED.includes(char)) septets += 2;
    else return { encoding: 'UCS-2', parts: partsFor(text.length, 70, 67) };
  }
  return { encoding: 'GSM-7', parts: partsFor(septets, 160, 153) };
}

// A long message loses room in every part to the concatenation header.
function partsFor(units: number, singleLimit: number, perPartLimit: number): number {
  if (units <= singleLimit) return 1;
  return Math.ceil(units / perPartLimit);
}
