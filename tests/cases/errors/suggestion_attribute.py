class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, amount):
        self.balance += amount


a = Account()
a.deposit(5)
try:
    print(lenn([]))
except NameError as e:
    print('caught', e)
a.deposti(3)
