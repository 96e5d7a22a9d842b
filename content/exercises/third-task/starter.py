class Peng(Task):
    def __iter__(self):
        print('Start peng')
        yield Sleep(self, n=0.2)
        print('End peng')


loop = EventLoop()
loop.push_task(Ping(), Pong())  # Your code: push a Peng() too, after the Pong()
loop.run_until_complete()

# Your code: before you run the cell, list the lines in the order you expect them.
answer = []
