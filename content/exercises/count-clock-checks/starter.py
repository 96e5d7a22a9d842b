class CountedSleep(Sleep):
    checks = 0

    def execute(self):
        # Your code: count this turn in CountedSleep.checks; each turn checks the clock once.
        return super().execute()


loop = EventLoop()
loop.push_task(CountedSleep(n=0.2))
loop.run_until_complete()
checks = CountedSleep.checks
print('clock checks:', checks)
