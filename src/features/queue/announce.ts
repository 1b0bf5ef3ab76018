import { ticketNumber, type Ticket } from '@/domain';
import type { Language, Translate } from '@/i18n';
import { englishNumber, indonesianNumber, spellCode } from './numberWords';

/**
 * What the caller says: the letter and the number the patient holds — "Nomor antrean A, seribu
 * dua belas. Silakan menuju Poli Anak." A long-label ticket (a desk without a number block,
 * decision 0009) also has the desk's code on it, so the call spells it too: "A, P D satu, nomor
 * dua belas".
 */
export function announcementText(t: Translate, language: Language, ticket: Ticket, poliName: string): string {
  const words = language === 'id' ? indonesianNumber : englishNumber;
  const prefix = ticket.prefix.split('').join(' ');
  if (ticket.series === undefined) {
    return t('queue.announcementWithDesk', {
      prefix,
      desk: spellCode(ticket.deviceCode, language),
      number: words(ticket.sequence),
      poli: poliName,
    });
  }
  return t('queue.announcement', { prefix, number: words(ticketNumber(ticket)), poli: poliName });
}

const VOICE_LANG: Record<Language, string> = { id: 'id', en: 'en' };

/** A two-tone chime for devices without a voice in the language (or without speech at all). */
function chime(): void {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return;
  const audio = new AudioContextClass();
  [880, 660].forEach((frequency, index) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.25, audio.currentTime + index * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.45 + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + index * 0.45);
    oscillator.stop(audio.currentTime + index * 0.45 + 0.42);
  });
  window.setTimeout(() => void audio.close(), 1_500);
}

/**
 * Calls a patient aloud with the browser's speech synthesis when it has a voice for the
 * language (Bahasa Indonesia by default); otherwise plays a chime. Returns what was done.
 */
export function announce(text: string, language: Language): 'voice' | 'chime' {
  const speech = 'speechSynthesis' in window ? window.speechSynthesis : undefined;
  const voice = speech
    ?.getVoices()
    .find((candidate) => candidate.lang.toLowerCase().startsWith(VOICE_LANG[language]));
  if (!speech || !voice) {
    chime();
    return 'chime';
  }
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speech.speak(utterance);
  return 'voice';
}
