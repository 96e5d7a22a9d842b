# Python tutorial, "Errors and Exceptions": an uncaught KeyError; the last traceback line names it
def lookup(table, key):
    return table[key]


prices = {"apple": 3, "pear": 4}
print("apple costs", lookup(prices, "apple"))
print("plum costs", lookup(prices, "plum"))
