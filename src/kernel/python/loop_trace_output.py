"""What the steps of a traced run printed: a stand-in for sys.stdout that passes every write on and
keeps it for the step under way, which takes it when the step ends (src/kernel/python/loop_trace.py)."""


class Printed(list):
    """The text written since the last step took it; empty (false) when nothing was printed."""

    def take(self):
        text = "".join(self)
        self.clear()
        return text


class Tee:
    """Stands in for sys.stdout during a trace: remembers what a step printed, passes it on."""

    def __init__(self, target, printed):
        self._target = target
        self._printed = printed

    def write(self, text):
        if text:
            self._printed.append(text)
        return self._target.write(text)

    def __getattr__(self, name):
        return getattr(self._target, name)
