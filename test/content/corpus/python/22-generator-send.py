# Python docs, "Generator-iterator methods": send() into a running average coroutine
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return average
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)
for value in [10, 20, 60]:
    print("average:", avg.send(value))
try:
    avg.send(None)
except StopIteration as stop:
    print("final:", stop.value)
