/**
 * Work that goes to the database in groups: what arrives while `lanes` groups are in flight waits,
 * then goes together as the next group, so a busy store does a few round trips (and one commit) per
 * group instead of per item. Nothing waits on a timer: an item that finds a lane free goes at once,
 * and a quiet store answers as fast as without grouping.
 */
export class GroupedWork<T> {
  private readonly queue: T[] = [];
  private lanesBusy = 0;

  constructor(
    private readonly lanes: number,
    /** Takes the next group out of the waiting items (oldest first). */
    private readonly takeGroup: (waiting: T[]) => T[],
    /** Settles every item of a group; it must not throw. */
    private readonly run: (group: T[]) => Promise<void>,
  ) {}

  add(...items: T[]): void {
    this.queue.push(...items);
    if (this.lanesBusy >= this.lanes || this.queue.length === 0) return;
    this.lanesBusy += 1;
    void this.runLane();
  }

  private async runLane(): Promise<void> {
    for (let group = this.takeGroup(this.queue); group.length > 0; group = this.takeGroup(this.queue)) await this.run(group);
    this.lanesBusy -= 1;
  }
}
