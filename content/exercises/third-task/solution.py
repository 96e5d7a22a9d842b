class Peng(Task):
    def __iter__(self):
        print('Start peng')
        yield Sleep(self, n=0.2)
        print('End peng')


loop = EventLoop()
loop.push_task(Ping(), Pong(), Peng())
loop.run_until_complete()

# Every task starts in its first turn; the sleeps then end shortest first (0.1, 0.2, 0.3 s).
answer = ['Start ping', 'Start pong', 'Start peng', 'End pong', 'End peng', 'End ping']
