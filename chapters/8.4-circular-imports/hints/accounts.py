"""Accounts send mail, so they import the mailer."""

import mailer


class Account:
    def __init__(self, email):
        self.email = email

    def welcome(self):
        return mailer.welcome(self)
