/**
 * New-chat notification: a count in the tab title and a short beep. Browsers only play audio after
 * a user gesture, so the audio context is created on the first click or key press.
 */
export function createNotifier(baseTitle: string) {
  let audio: AudioContext | null = null;
  const unlock = () => {
    audio ??= new AudioContext();
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('keydown', unlock, { once: true });
  return {
    /** Show how many chats wait; beep when that number grew. */
    waiting(count: number, grew: boolean): void {
      document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
      if (!grew || !audio) return;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.3);
    },
  };
}
