class CountedSleep(Sleep):
    checks = 0

    def execute(self):
        CountedSleep.checks += 1
        return super().execute()


loop = EventLoop()
loop.push_task(CountedSleep(n=0.2))
loop.run_until_complete()
checks = CountedSleep.checks
print('clock checks:', checks)
