/** Milliseconds per step at 1×: slow enough to read a row before the next one lights up. */
const BASE_INTERVAL_MS = 900;

/**
 * Play and Pause for the replay: calls `advance` once per interval until it returns false (the
 * last step) or the reader pauses. Timers only; what a step looks like is the view's business.
 */
export class Playback {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Steps per BASE_INTERVAL_MS. */
  speed = 1;

  constructor(
    private readonly advance: () => boolean,
    private readonly onChange: (playing: boolean) => void,
  ) {}

  get playing(): boolean {
    return this.timer !== undefined;
  }

  play(): void {
    if (this.playing) return;
    this.schedule();
    this.onChange(true);
  }

  pause(): void {
    if (!this.playing) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.onChange(false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      if (this.advance()) this.schedule();
      else {
        this.timer = undefined;
        this.onChange(false);
      }
    }, BASE_INTERVAL_MS / this.speed);
  }
}
