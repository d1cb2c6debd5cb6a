/**
 * The words of customer notices in the languages the product ships (Salesforce language codes):
 * English, French, German, Spanish and Dutch. In an org, the email templates per language are the
 * org's own; these texts are what the local snapshot's outbox writes, and the fallback wording.
 */
export type NoticeLanguage = 'en_US' | 'fr' | 'de' | 'es' | 'nl_NL';

export interface NoticeTexts {
  subjectCourtesy: string;
  subjectReminder: (level: number) => string;
  subjectWarning: string;
  greeting: (name: string) => string;
  introCourtesy: string;
  introReminder: string;
  introWarning: (days: number) => string;
  invoice: string;
  invoiceDate: string;
  dueDate: string;
  daysPastDue: string;
  openBalance: string;
  disputed: string;
  credits: string;
  unappliedCash: string;
  totalOverdue: string;
  netDue: string;
  payTo: string;
  beneficiary: string;
  bank: string;
  account: string;
  iban: string;
  bic: string;
  routing: string;
  copy: string;
  closing: string;
  ignoreIfPaid: string;
}

const EN: NoticeTexts = {
  subjectCourtesy: 'Invoices falling due soon',
  subjectReminder: (level) => `Payment reminder ${level}: overdue invoices`,
  subjectWarning: 'Notice of service suspension: overdue invoices',
  greeting: (name) => `Dear ${name},`,
  introCourtesy: 'This is a courteous reminder that the following invoices fall due shortly.',
  introReminder: 'According to our records, the following invoices are past due. We would appreciate your payment.',
  introWarning: (days) =>
    `The following invoices remain unpaid despite our reminders. Unless we receive payment within ${days} days, we will suspend your service.`,
  invoice: 'Invoice',
  invoiceDate: 'Invoice date',
  dueDate: 'Due date',
  daysPastDue: 'Days past due',
  openBalance: 'Open balance',
  disputed: 'Under dispute (not requested)',
  credits: 'Open credits deducted',
  unappliedCash: 'Payments received, not yet allocated',
  totalOverdue: 'Total overdue',
  netDue: 'Amount due',
  payTo: 'Please pay to',
  beneficiary: 'Beneficiary',
  bank: 'Bank',
  account: 'Account number',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  routing: 'Routing code',
  copy: 'Invoice copy',
  closing: 'Kind regards,\nAccounts Receivable',
  ignoreIfPaid: 'If you have already paid, please disregard this message and accept our thanks.',
};

const FR: NoticeTexts = {
  subjectCourtesy: 'Factures arrivant à échéance',
  subjectReminder: (level) => `Relance ${level} : factures échues`,
  subjectWarning: 'Avis de suspension du service : factures échues',
  greeting: (name) => `Madame, Monsieur (${name}),`,
  introCourtesy: 'Nous vous rappelons que les factures suivantes arrivent prochainement à échéance.',
  introReminder:
    'Selon nos registres, les factures suivantes sont échues. Nous vous remercions de procéder à leur règlement.',
  introWarning: (days) =>
    `Les factures suivantes restent impayées malgré nos relances. Sans paiement sous ${days} jours, nous suspendrons votre service.`,
  invoice: 'Facture',
  invoiceDate: 'Date de facture',
  dueDate: "Date d'échéance",
  daysPastDue: 'Jours de retard',
  openBalance: 'Solde dû',
  disputed: 'En litige (non réclamé)',
  credits: 'Avoirs ouverts déduits',
  unappliedCash: 'Paiements reçus, non encore affectés',
  totalOverdue: 'Total échu',
  netDue: 'Montant à payer',
  payTo: 'Veuillez régler sur le compte',
  beneficiary: 'Bénéficiaire',
  bank: 'Banque',
  account: 'Numéro de compte',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  routing: 'Code banque',
  copy: 'Copie de la facture',
  closing: 'Cordialement,\nService clients',
  ignoreIfPaid: 'Si vous avez déjà réglé ces factures, merci de ne pas tenir compte de ce message.',
};

const DE: NoticeTexts = {
  subjectCourtesy: 'Demnächst fällige Rechnungen',
  subjectReminder: (level) => `Zahlungserinnerung ${level}: überfällige Rechnungen`,
  subjectWarning: 'Ankündigung der Leistungssperre: überfällige Rechnungen',
  greeting: (name) => `Sehr geehrte Damen und Herren (${name}),`,
  introCourtesy: 'wir möchten Sie freundlich daran erinnern, dass die folgenden Rechnungen demnächst fällig werden.',
  introReminder: 'laut unseren Unterlagen sind die folgenden Rechnungen überfällig. Wir bitten um Ausgleich.',
  introWarning: (days) =>
    `die folgenden Rechnungen sind trotz unserer Erinnerungen offen. Ohne Zahlungseingang innerhalb von ${days} Tagen sperren wir Ihren Dienst.`,
  invoice: 'Rechnung',
  invoiceDate: 'Rechnungsdatum',
  dueDate: 'Fälligkeit',
  daysPastDue: 'Tage überfällig',
  openBalance: 'Offener Betrag',
  disputed: 'Strittig (nicht gefordert)',
  credits: 'Abgezogene offene Gutschriften',
  unappliedCash: 'Erhaltene, noch nicht zugeordnete Zahlungen',
  totalOverdue: 'Überfällig gesamt',
  netDue: 'Zu zahlender Betrag',
  payTo: 'Bitte überweisen Sie an',
  beneficiary: 'Empfänger',
  bank: 'Bank',
  account: 'Kontonummer',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  routing: 'Bankleitzahl',
  copy: 'Rechnungskopie',
  closing: 'Mit freundlichen Grüßen\nDebitorenbuchhaltung',
  ignoreIfPaid: 'Sollten Sie bereits gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
};

const ES: NoticeTexts = {
  subjectCourtesy: 'Facturas próximas a vencer',
  subjectReminder: (level) => `Recordatorio de pago ${level}: facturas vencidas`,
  subjectWarning: 'Aviso de suspensión del servicio: facturas vencidas',
  greeting: (name) => `Estimado cliente (${name}):`,
  introCourtesy: 'Le recordamos que las siguientes facturas vencen próximamente.',
  introReminder: 'Según nuestros registros, las siguientes facturas están vencidas. Le agradeceremos su pago.',
  introWarning: (days) =>
    `Las siguientes facturas siguen impagadas pese a nuestros recordatorios. Si no recibimos el pago en ${days} días, suspenderemos su servicio.`,
  invoice: 'Factura',
  invoiceDate: 'Fecha de factura',
  dueDate: 'Vencimiento',
  daysPastDue: 'Días de retraso',
  openBalance: 'Saldo pendiente',
  disputed: 'En disputa (no reclamado)',
  credits: 'Abonos pendientes deducidos',
  unappliedCash: 'Pagos recibidos aún no aplicados',
  totalOverdue: 'Total vencido',
  netDue: 'Importe a pagar',
  payTo: 'Por favor, pague a',
  beneficiary: 'Beneficiario',
  bank: 'Banco',
  account: 'Número de cuenta',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  routing: 'Código bancario',
  copy: 'Copia de la factura',
  closing: 'Atentamente,\nCuentas por cobrar',
  ignoreIfPaid: 'Si ya ha realizado el pago, le rogamos que ignore este mensaje.',
};

const NL: NoticeTexts = {
  subjectCourtesy: 'Binnenkort vervallende facturen',
  subjectReminder: (level) => `Betalingsherinnering ${level}: vervallen facturen`,
  subjectWarning: 'Aankondiging opschorting dienstverlening: vervallen facturen',
  greeting: (name) => `Geachte heer/mevrouw (${name}),`,
  introCourtesy: 'Graag herinneren wij u eraan dat de volgende facturen binnenkort vervallen.',
  introReminder: 'Volgens onze administratie zijn de volgende facturen vervallen. Wij verzoeken u deze te voldoen.',
  introWarning: (days) =>
    `De volgende facturen zijn ondanks onze herinneringen onbetaald. Zonder betaling binnen ${days} dagen schorten wij uw dienstverlening op.`,
  invoice: 'Factuur',
  invoiceDate: 'Factuurdatum',
  dueDate: 'Vervaldatum',
  daysPastDue: 'Dagen vervallen',
  openBalance: 'Openstaand',
  disputed: 'Betwist (niet gevraagd)',
  credits: 'Verrekende openstaande creditnota’s',
  unappliedCash: 'Ontvangen, nog niet toegewezen betalingen',
  totalOverdue: 'Totaal vervallen',
  netDue: 'Te betalen',
  payTo: 'Gelieve te betalen aan',
  beneficiary: 'Begunstigde',
  bank: 'Bank',
  account: 'Rekeningnummer',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  routing: 'Bankcode',
  copy: 'Factuurkopie',
  closing: 'Met vriendelijke groet,\nDebiteurenadministratie',
  ignoreIfPaid: 'Heeft u inmiddels betaald, dan kunt u dit bericht als niet verzonden beschouwen.',
};

const TEXTS: Record<NoticeLanguage, NoticeTexts> = { en_US: EN, fr: FR, de: DE, es: ES, nl_NL: NL };

/** The texts for a Salesforce language code; unknown languages get English. */
export function noticeTexts(language: string): NoticeTexts {
  return Object.hasOwn(TEXTS, language) ? TEXTS[language as NoticeLanguage] : EN;
}

export const NOTICE_LANGUAGES = Object.keys(TEXTS) as NoticeLanguage[];
