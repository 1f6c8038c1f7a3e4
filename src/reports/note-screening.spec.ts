import { describe, expect, it } from '@jest/globals';

import { publishedNumbers } from '../common/text/contact-details.js';
import { screenReportNote } from './note-screening.js';

const listing = {
  ownPhones: ['1-800-799-7233', '88788'],
  countries: ['US'],
  names: ['National Domestic Violence Hotline', 'The Gottman Institute'],
};
const screen = (note: string, context = listing) => screenReportNote(note, context);

describe('report notes: what is refused as contact details or names', () => {
  it.each([
    ['email me: jane.doe@example.com', 'email'],
    ['write to someone@mail.example.org about it', 'email'],
    ['call me at 614-555-0142', 'phone_number'],
    ['my cell (212) 555 1234', 'phone_number'],
    ['reach me on +44 20 7946 0958', 'phone_number'],
    ['see facebook.com/jane.doe.123', 'personal_url'],
    ['https://www.instagram.com/someone_here', 'personal_url'],
    ['https://example.org/~jsmith/home', 'personal_url'],
    ['https://www.linkedin.com/in/someone', 'personal_url'],
    ['I live at 1420 Oak Street', 'street_address'],
    ['new place is 45 W. Elm Ave Apt 3', 'street_address'],
    ['John Smith answered and said they closed', 'name'],
    ['my name is Zorblat', 'name'],
    ['ask for Maria at the desk', 'name'],
    ['Dr. Patel retired', 'name'],
  ])('%s → %s', (note, finding) => {
    expect(screen(note)).toBe(finding);
  });

  it.each([
    'The number rings out every time I call, tried three days in a row.',
    'They told me they stopped taking Medicaid in March.',
    'Website says closed permanently since June 2026',
    'No longer accepting new clients, waitlist is 6 months',
    'fees are now $180 per session, not $140',
    'Hours changed: closed on Fridays and Saturdays',
    'I am Deaf and the TTY never connects',
    'Sessions are on Zoom only now, no office visits',
    'the 1-800-799-7233 number gave a busy signal all night',
    'texting START to 88788 gets no answer',
    'The Gottman Institute link goes to a 404 page',
    'National Domestic Violence Hotline chat is down',
    'their page https://www.thehotline.org/get-help/ is gone',
  ])('accepts: %s', (note) => {
    expect(screen(note)).toBeUndefined();
  });

  it("reads local numbers in the listing's own country", () => {
    const uk = { ownPhones: ['0808 2000 247'], countries: ['GB'], names: [] };
    expect(screen('ring me on 020 7946 0958', uk)).toBe('phone_number');
    expect(screen('0808 2000 247 was engaged all evening', uk)).toBeUndefined();
  });

  it('the numbers a listing publishes are its phone and its dialable channels, not chat links', () => {
    expect(
      publishedNumbers({
        phone: '988',
        contactChannels: [
          { type: 'text', value: '988' },
          { type: 'chat', value: 'https://chat.example' },
          { type: 'tty', value: '1-800-787-3224' },
        ],
      }),
    ).toEqual(['988', '988', '1-800-787-3224']);
  });
});
