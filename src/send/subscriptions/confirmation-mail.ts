/**
 * The double opt-in mail (SPEC S5), in the subscriber's language; Dutch at B1 level with "u".
 * Plain text only: it carries two links and nothing that needs layout.
 */
export function confirmationMail(input: { language: 'nl' | 'en'; confirmUrl: string; unsubscribeUrl: string; hours: number }): {
  subject: string;
  text: string;
  headers: Record<string, string>;
} {
  const headers = { 'List-Unsubscribe': `<${input.unsubscribeUrl}>` };
  if (input.language === 'en') {
    return {
      subject: 'Please confirm your alert subscription',
      text: [
        'You asked to receive alerts by email for an area you chose.',
        '',
        `Please confirm with this link (valid for ${input.hours} hours):`,
        input.confirmUrl,
        '',
        'Did you not ask for this? Then ignore this email; you will not receive anything.',
      ].join('\n'),
      headers,
    };
  }
  return {
    subject: 'Bevestig uw aanmelding voor berichten',
    text: [
      'U heeft gevraagd om berichten per e-mail te krijgen voor een gebied dat u zelf koos.',
      '',
      `Bevestig dit met deze link (${input.hours} uur geldig):`,
      input.confirmUrl,
      '',
      'Heeft u dit niet gevraagd? Dan hoeft u niets te doen. U krijgt dan geen berichten.',
    ].join('\n'),
    headers,
  };
}
