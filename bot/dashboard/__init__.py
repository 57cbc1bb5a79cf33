"""The organizer's dashboard: the group at a glance (data), and sign-in links to see it.

Import from the modules: `rows` (what storage returns), `board` (the dashboard's data),
`tables` (the same data as captioned tables, for HTML and CSV), `sign_in` (one-time links).
"""
