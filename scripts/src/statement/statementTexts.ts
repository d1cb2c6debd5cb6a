/**
 * The words of statements of account in the languages the product ships (Salesforce language
 * codes): English, French, German, Spanish and Dutch. Unknown languages get English, as notices do.
 */
import type { DocumentType } from '../domain/portfolio';
import type { AgingBucket } from '../domain/sharedRules';

export type StatementLanguage = 'en_US' | 'fr' | 'de' | 'es' | 'nl_NL';

export interface StatementTexts {
  title: string;
  customer: string;
  customerNumber: string;
  asOf: string;
  period: (from: string, to: string) => string;
  currencySection: (currency: string) => string;
  openItems: string;
  noOpenItems: string;
  credits: string;
  payments: (from: string, to: string) => string;
  noPayments: string;
  aging: string;
  totals: string;
  document: string;
  documentTypes: Record<DocumentType, string>;
  payment: string;
  appliedTo: string;
  applied: string;
  notApplied: string;
  date: string;
  invoiceDate: string;
  dueDate: string;
  receivedDate: string;
  daysPastDue: string;
  bucket: string;
  buckets: Record<AgingBucket, string>;
  amount: string;
  openBalance: string;
  poNumber: string;
  totalOpenItems: string;
  totalOverdue: string;
  totalCredits: string;
  unappliedCash: string;
  balance: string;
  paymentsReceived: string;
  nothingOpen: string;
  questions: string;
  /** CSV: the kind of each line */
  line: string;
  name: string;
  currency: string;
}

const EN: StatementTexts = {
  title: 'Statement of account',
  customer: 'Customer',
  customerNumber: 'Customer number',
  asOf: 'As of',
  period: (from, to) => `Period: ${from} to ${to}`,
  currencySection: (currency) => `Amounts in ${currency}`,
  openItems: 'Open items',
  noOpenItems: 'No open items.',
  credits: 'Open credits',
  payments: (from, to) => `Payments received from ${from} to ${to}`,
  noPayments: 'No payments received in the period.',
  aging: 'Aging',
  totals: 'Summary',
  document: 'Document',
  documentTypes: { Invoice: 'Invoice', Credit_Memo: 'Credit memo', Adjustment: 'Adjustment' },
  payment: 'Payment',
  appliedTo: 'Applied to',
  applied: 'Applied',
  notApplied: 'Not yet applied',
  date: 'Date',
  invoiceDate: 'Document date',
  dueDate: 'Due date',
  receivedDate: 'Received',
  daysPastDue: 'Days past due',
  bucket: 'Aging',
  buckets: {
    current: 'Not yet due',
    '1-30': '1-30 days',
    '31-60': '31-60 days',
    '61-90': '61-90 days',
    '90+': 'Over 90 days',
  },
  amount: 'Amount',
  openBalance: 'Open balance',
  poNumber: 'PO number',
  totalOpenItems: 'Total open items',
  totalOverdue: 'of which overdue',
  totalCredits: 'Open credits',
  unappliedCash: 'Payments not yet applied',
  balance: 'Balance due',
  paymentsReceived: 'Payments received in the period',
  nothingOpen: 'Nothing is open on this account.',
  questions: 'If your records differ from this statement, please contact us with the documents concerned.',
  line: 'Line',
  name: 'Name',
  currency: 'Currency',
};

const FR: StatementTexts = {
  title: 'Relevé de compte',
  customer: 'Client',
  customerNumber: 'Numéro client',
  asOf: 'Au',
  period: (from, to) => `Période du ${from} au ${to}`,
  currencySection: (currency) => `Montants en ${currency}`,
  openItems: 'Pièces ouvertes',
  noOpenItems: 'Aucune pièce ouverte.',
  credits: 'Avoirs ouverts',
  payments: (from, to) => `Paiements reçus du ${from} au ${to}`,
  noPayments: 'Aucun paiement reçu sur la période.',
  aging: 'Balance âgée',
  totals: 'Récapitulatif',
  document: 'Pièce',
  documentTypes: { Invoice: 'Facture', Credit_Memo: 'Avoir', Adjustment: 'Régularisation' },
  payment: 'Paiement',
  appliedTo: 'Affecté à',
  applied: 'Affecté',
  notApplied: 'Non encore affecté',
  date: 'Date',
  invoiceDate: 'Date de pièce',
  dueDate: "Date d'échéance",
  receivedDate: 'Reçu le',
  daysPastDue: 'Jours de retard',
  bucket: 'Ancienneté',
  buckets: {
    current: 'Non échu',
    '1-30': '1 à 30 jours',
    '31-60': '31 à 60 jours',
    '61-90': '61 à 90 jours',
    '90+': 'Plus de 90 jours',
  },
  amount: 'Montant',
  openBalance: 'Solde dû',
  poNumber: 'N° de commande',
  totalOpenItems: 'Total des pièces ouvertes',
  totalOverdue: 'dont échu',
  totalCredits: 'Avoirs ouverts',
  unappliedCash: 'Paiements non encore affectés',
  balance: 'Solde à payer',
  paymentsReceived: 'Paiements reçus sur la période',
  nothingOpen: "Aucun montant n'est ouvert sur ce compte.",
  questions: 'Si vos écritures diffèrent de ce relevé, merci de nous contacter en indiquant les pièces concernées.',
  line: 'Ligne',
  name: 'Nom',
  currency: 'Devise',
};

const DE: StatementTexts = {
  title: 'Kontoauszug',
  customer: 'Kunde',
  customerNumber: 'Kundennummer',
  asOf: 'Stand',
  period: (from, to) => `Zeitraum: ${from} bis ${to}`,
  currencySection: (currency) => `Beträge in ${currency}`,
  openItems: 'Offene Posten',
  noOpenItems: 'Keine offenen Posten.',
  credits: 'Offene Gutschriften',
  payments: (from, to) => `Zahlungseingänge vom ${from} bis ${to}`,
  noPayments: 'Keine Zahlungseingänge im Zeitraum.',
  aging: 'Altersstruktur',
  totals: 'Zusammenfassung',
  document: 'Beleg',
  documentTypes: { Invoice: 'Rechnung', Credit_Memo: 'Gutschrift', Adjustment: 'Korrektur' },
  payment: 'Zahlung',
  appliedTo: 'Verrechnet mit',
  applied: 'Verrechnet',
  notApplied: 'Noch nicht verrechnet',
  date: 'Datum',
  invoiceDate: 'Belegdatum',
  dueDate: 'Fälligkeit',
  receivedDate: 'Eingang',
  daysPastDue: 'Tage überfällig',
  bucket: 'Alter',
  buckets: {
    current: 'Nicht fällig',
    '1-30': '1-30 Tage',
    '31-60': '31-60 Tage',
    '61-90': '61-90 Tage',
    '90+': 'Über 90 Tage',
  },
  amount: 'Betrag',
  openBalance: 'Offener Betrag',
  poNumber: 'Bestellnummer',
  totalOpenItems: 'Offene Posten gesamt',
  totalOverdue: 'davon überfällig',
  totalCredits: 'Offene Gutschriften',
  unappliedCash: 'Noch nicht verrechnete Zahlungen',
  balance: 'Zu zahlender Saldo',
  paymentsReceived: 'Zahlungseingänge im Zeitraum',
  nothingOpen: 'Auf diesem Konto ist nichts offen.',
  questions:
    'Sollten Ihre Unterlagen von diesem Auszug abweichen, wenden Sie sich bitte mit den betroffenen Belegen an uns.',
  line: 'Zeile',
  name: 'Name',
  currency: 'Währung',
};

const ES: StatementTexts = {
  title: 'Extracto de cuenta',
  customer: 'Cliente',
  customerNumber: 'Número de cliente',
  asOf: 'A fecha de',
  period: (from, to) => `Periodo: del ${from} al ${to}`,
  currencySection: (currency) => `Importes en ${currency}`,
  openItems: 'Partidas abiertas',
  noOpenItems: 'No hay partidas abiertas.',
  credits: 'Abonos pendientes',
  payments: (from, to) => `Pagos recibidos del ${from} al ${to}`,
  noPayments: 'No se recibieron pagos en el periodo.',
  aging: 'Antigüedad',
  totals: 'Resumen',
  document: 'Documento',
  documentTypes: { Invoice: 'Factura', Credit_Memo: 'Abono', Adjustment: 'Ajuste' },
  payment: 'Pago',
  appliedTo: 'Aplicado a',
  applied: 'Aplicado',
  notApplied: 'Pendiente de aplicar',
  date: 'Fecha',
  invoiceDate: 'Fecha del documento',
  dueDate: 'Vencimiento',
  receivedDate: 'Recibido',
  daysPastDue: 'Días de retraso',
  bucket: 'Antigüedad',
  buckets: {
    current: 'No vencido',
    '1-30': '1-30 días',
    '31-60': '31-60 días',
    '61-90': '61-90 días',
    '90+': 'Más de 90 días',
  },
  amount: 'Importe',
  openBalance: 'Saldo pendiente',
  poNumber: 'Número de pedido',
  totalOpenItems: 'Total partidas abiertas',
  totalOverdue: 'de ello vencido',
  totalCredits: 'Abonos pendientes',
  unappliedCash: 'Pagos pendientes de aplicar',
  balance: 'Saldo a pagar',
  paymentsReceived: 'Pagos recibidos en el periodo',
  nothingOpen: 'No hay importes pendientes en esta cuenta.',
  questions:
    'Si sus registros no coinciden con este extracto, póngase en contacto con nosotros indicando los documentos.',
  line: 'Línea',
  name: 'Nombre',
  currency: 'Moneda',
};

const NL: StatementTexts = {
  title: 'Rekeningoverzicht',
  customer: 'Klant',
  customerNumber: 'Klantnummer',
  asOf: 'Per',
  period: (from, to) => `Periode: ${from} tot en met ${to}`,
  currencySection: (currency) => `Bedragen in ${currency}`,
  openItems: 'Openstaande posten',
  noOpenItems: 'Geen openstaande posten.',
  credits: 'Openstaande creditnota’s',
  payments: (from, to) => `Ontvangen betalingen van ${from} tot en met ${to}`,
  noPayments: 'Geen betalingen ontvangen in de periode.',
  aging: 'Ouderdom',
  totals: 'Samenvatting',
  document: 'Document',
  documentTypes: { Invoice: 'Factuur', Credit_Memo: 'Creditnota', Adjustment: 'Correctie' },
  payment: 'Betaling',
  appliedTo: 'Toegewezen aan',
  applied: 'Toegewezen',
  notApplied: 'Nog niet toegewezen',
  date: 'Datum',
  invoiceDate: 'Documentdatum',
  dueDate: 'Vervaldatum',
  receivedDate: 'Ontvangen',
  daysPastDue: 'Dagen vervallen',
  bucket: 'Ouderdom',
  buckets: {
    current: 'Niet vervallen',
    '1-30': '1-30 dagen',
    '31-60': '31-60 dagen',
    '61-90': '61-90 dagen',
    '90+': 'Meer dan 90 dagen',
  },
  amount: 'Bedrag',
  openBalance: 'Openstaand',
  poNumber: 'Ordernummer',
  totalOpenItems: 'Totaal openstaande posten',
  totalOverdue: 'waarvan vervallen',
  totalCredits: 'Openstaande creditnota’s',
  unappliedCash: 'Nog niet toegewezen betalingen',
  balance: 'Te betalen saldo',
  paymentsReceived: 'Ontvangen betalingen in de periode',
  nothingOpen: 'Er staat niets open op deze rekening.',
  questions:
    'Wijkt uw administratie af van dit overzicht, neem dan contact met ons op en vermeld de betreffende documenten.',
  line: 'Regel',
  name: 'Naam',
  currency: 'Valuta',
};

const TEXTS: Record<StatementLanguage, StatementTexts> = { en_US: EN, fr: FR, de: DE, es: ES, nl_NL: NL };

/** The texts for a Salesforce language code; unknown languages get English. */
export function statementTexts(language: string): StatementTexts {
  return TEXTS[statementLanguage(language)];
}

/** The language a statement is written in: the account's, when the product ships it, else English. */
export function statementLanguage(language: string): StatementLanguage {
  return Object.hasOwn(TEXTS, language) ? (language as StatementLanguage) : 'en_US';
}

export const STATEMENT_LANGUAGES = Object.keys(TEXTS) as StatementLanguage[];
