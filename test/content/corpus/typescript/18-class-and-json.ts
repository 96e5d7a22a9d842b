// Node docs, "console.log": class instances, getters, JSON.stringify
class Task {
  static created = 0;
  done = false;
  constructor(public name: string, public steps: number) {
    Task.created += 1;
  }
  get label(): string {
    return `${this.name} (${this.steps})`;
  }
}

const tasks = [new Task('ping', 3), new Task('pong', 2)];
console.log(tasks[0]);
console.log(tasks.map((t) => t.label));
console.log(JSON.stringify(tasks));
console.log(Task.created, typeof Task);
