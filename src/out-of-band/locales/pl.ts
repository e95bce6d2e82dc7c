import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Polish: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'Aplikacja banku',
    page: 'Strona banku',
    callBank: 'Telefon do banku',
    bankCalls: 'Telefon z banku',
  },
  optionWithValue: {
    app: 'Potwierdź w aplikacji {value}',
    page: 'Strona banku: {value}',
    callBank: 'Telefon do banku: {value}',
    bankCalls: 'Telefon z banku na numer {value}',
  },
  continue: 'Dalej',
  intro: 'Bank musi potwierdzić tę kartę.',
  chooseMethod: 'Jak potwierdzić?',
  notifyFailed: 'Nie udało się poprosić banku o telefon.',
  noMoreCodes: 'Dla tej karty nie można wysłać więcej kodów. Wybierz inną metodę.',
  notifying: 'Wysyłanie prośby o telefon z banku…',
  waitingApp: 'Otwórz aplikację banku na telefonie i potwierdź operację. Następnie wróć na tę stronę.',
  waitingAppNamed: 'Otwórz aplikację {app} na telefonie i potwierdź operację. Następnie wróć na tę stronę.',
  waitingPage: 'Potwierdź na stronie banku. Strona otworzy się w nowym oknie.',
  waitingCallBank: 'Zadzwoń do banku pod numer {number} i poproś o zatwierdzenie tej karty dla tego sklepu.',
  waitingCallBankNoNumber:
    'Zadzwoń pod numer podany na odwrocie karty i poproś bank o zatwierdzenie tej karty dla tego sklepu.',
  waitingBankCalls: 'Bank zadzwoni pod numer {number}. Odbierz i postępuj zgodnie z instrukcjami.',
  waitingBankCallsNoNumber: 'Bank wkrótce zadzwoni. Odbierz i postępuj zgodnie z instrukcjami.',
  openApp: 'Otwórz aplikację banku',
  openPage: 'Otwórz stronę banku',
  copyNumber: 'Kopiuj numer',
  numberCopied: 'Numer skopiowany.',
  done: {
    app: 'Potwierdzono w aplikacji',
    page: 'Zakończono na stronie banku',
    callBank: 'Rozmowa z bankiem zakończona',
    bankCalls: 'Bank już zadzwonił',
  },
  callAgain: 'Brak telefonu? Poproś ponownie',
  callRequested: 'Poprosiliśmy bank o ponowny telefon.',
  callsExhausted: 'Bank nie może już ponownie zadzwonić w sprawie tej karty.',
  checking: 'Sprawdzanie w banku…',
  autoCheck: 'Strona odświeży się sama, gdy bank potwierdzi.',
  stillPending: 'Bank jeszcze nie potwierdził. Dokończ w banku, a potem sprawdź ponownie.',
  pollStopped: 'Automatyczne sprawdzanie zostało zatrzymane. Po zakończeniu w banku sprawdź ponownie.',
  checkAgain: 'Sprawdź ponownie',
  declined: 'Bank odrzucił tę prośbę. Wybierz inną metodę lub użyj innej karty.',
  expired: 'Ta prośba wygasła. Wybierz metodę ponownie.',
  popupBlocked:
    'Przeglądarka zablokowała stronę banku. Zezwól na wyskakujące okna dla tej witryny lub otwórz ją ponownie.',
  windowClosed:
    'Strona banku została zamknięta przed zakończeniem. Otwórz ją ponownie lub sprawdź, czy wszystko zostało zakończone.',
  noResult: 'Strona banku nie przekazała wyniku. Sprawdzamy w banku.',
  failure: 'Bank nie mógł dokończyć potwierdzenia. Spróbuj ponownie lub wybierz inną metodę.',
  confirming: 'Potwierdzanie w banku…',
  codeRefused: 'Potwierdzenie banku nie zostało przyjęte. Wybierz inną metodę.',
  announceWaiting: 'Oczekiwanie na potwierdzenie banku.',
} satisfies OutOfBandCatalog;

export default words;
