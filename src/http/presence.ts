/** Which console users have a live event stream open: "agents online" for wait estimates. */
export class Presence {
  private readonly open = new Map<number, number>();

  /** Mark a user online for one more stream; returns the function that marks it closed. */
  join(userId: number): () => void {
    this.open.set(userId, (this.open.get(userId) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const n = (this.open.get(userId) ?? 1) - 1;
      if (n <= 0) this.open.delete(userId);
      else this.open.set(userId, n);
    };
  }

  /** Distinct users online. */
  count(): number {
    return this.open.size;
  }
}
