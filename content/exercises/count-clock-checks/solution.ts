class CountedSleep extends Sleep {
  static checks = 0;

  override execute(): Task | null {
    CountedSleep.checks += 1;
    return super.execute();
  }
}


const loop = new EventLoop();
loop.push_task(new CountedSleep(null, 200));
loop.run_until_complete();
const checks = CountedSleep.checks;
console.log('clock checks:', checks);
