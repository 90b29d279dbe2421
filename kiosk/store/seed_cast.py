"""Who the made-up history's people are (kiosk.store.seed): the staff, and visitors' names from
many languages, what some of them say about how to say them, and their contacts."""

from __future__ import annotations

import random
from functools import cache

from kiosk.core.names import matching_key

_key = cache(matching_key)

HOSTS = [
    ("José Núñez", "Engineering"),
    ("Priya Raman", "Engineering"),
    ("Amara Okafor", "Sales"),
    ("Björn Lindqvist", "Finance"),
    ("陈伟", "Engineering"),
    ("Siobhán Ní Bhriain", "People"),
    ("Nguyễn Thị Hoa", "Design"),
    ("Mohammed Al-Farsi", "Sales"),
    ("Анна Смирнова", "Legal"),
    ("Zoë Dubois", "Marketing"),
    ("Łukasz Wójcik", "Engineering"),
    ("Aroha Ngata", "People"),
    ("Kwame Mensah", "Operations"),
    ("田中 美咲", "Design"),
    ("Sofía Hernández", "Marketing"),
    ("Oluwaseun Adeyemi", "Finance"),
    ("Ingrid Sørensen", "Operations"),
    ("Yusuf Demir", "Sales"),
    ("محمد علي", "Legal"),
    ("Mei-Ling Chu", "Engineering"),
    ("Rajesh Iyer", "Finance"),
    ("Élodie Marchand", "Executive"),
    ("דנה כהן", "Research"),
]
RECEPTIONISTS = ["Sam Jones", "Grace O'Connor", "Lina Haddad"]

FIRST_NAMES = [
    "Maria", "Mohammed", "Wei", "Aisha", "James", "Olivia", "Noah", "Fatima", "Liam", "Yuki",
    "Chloé", "Mateo", "Léa", "Ahmed", "Sofia", "Lucas", "Hannah", "Ravi", "Anika", "Emma",
    "Björn", "Zoë", "Amélie", "Jürgen", "Ana", "Kofi", "Ama", "Hiroshi", "Mei", "Sipho", "Olga",
    "Dmitri", "Isabella", "Omar", "Leila", "Tomás", "Inés", "Raúl", "Agnieszka", "Søren",
    "Nnamdi", "Lakshmi", "Arjun", "Min-jun", "Seo-yeon", "Tane", "David", "Sarah", "Peter",
    "Siobhán", "Niamh", "Saoirse", "Aoife", "Tadhg", "Oisín", "Caoimhe", "Joaquín", "Ximena",
    "Xiaowen", "Ngozi", "Thandiwe", "Zbigniew", "Guillaume",
]  # fmt: skip
# What a visitor might type under "How do we say your name?".
PRONUNCIATIONS = {
    "Siobhán": "shi-VAWN",
    "Niamh": "NEEV",
    "Saoirse": "SEER-sha",
    "Aoife": "EE-fa",
    "Tadhg": "TIGE",
    "Oisín": "uh-SHEEN",
    "Caoimhe": "KEE-va",
    "Joaquín": "wah-KEEN",
    "Ximena": "hee-MEH-na",
    "Xiaowen": "shyow-WEN",
    "Ngozi": "n-GO-zee",
    "Thandiwe": "tan-DEE-way",
    "Zbigniew": "ZBEEG-nyef",
    "Guillaume": "gee-YOHM",
}
LAST_NAMES = [
    "Smith", "García", "Müller", "Nguyễn", "O'Brien", "Kowalski", "Okafor", "Patel", "Kim",
    "Rossi", "Dubois", "Ní Bhriain", "van der Berg", "Hernández", "Silva", "Yılmaz", "Johansson",
    "Mensah", "Khan", "Tanaka", "Ivanova", "Al-Sayed", "Chen", "Brown", "Wilson", "Jones",
    "Novák", "Papadopoulos", "Ferreira", "Ó Súilleabháin", "Lefèvre", "Hansen", "Singh", "Reyes",
    "Adeyemi", "Nakamura", "Park", "Wang", "Murphy", "Taylor", "López", "Schmidt", "Jensen",
    "Haddad", "Dlamini", "Kaur", "Moreau", "Costa",
]  # fmt: skip
# Names written in their own script, typed whole on the kiosk's keyboard.
WHOLE_NAMES = [
    "王芳", "李伟", "田中 健", "佐藤 美咲", "김민준", "이서연", "Александр Петров",
    "Екатерина Иванова", "فاطمة الزهراء", "أحمد حسن", "Δημήτρης Παπαδόπουλος", "राहुल शर्मा",
    "דוד לוי", "สมชาย ใจดี",
]  # fmt: skip


def new_name(rng: random.Random) -> str:
    if rng.random() < 0.07:
        return rng.choice(WHOLE_NAMES)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def contact(rng: random.Random, name: str, number: int) -> str | None:
    draw = rng.random()
    if draw < 0.6:
        local = ".".join(_key(name).split())
        if not local.isascii():
            local = "guest"
        local = "".join(ch for ch in local if ch.isalnum() or ch == ".")
        return f"{local}{number % 100}@example.{rng.choice(('com', 'org', 'net'))}"
    if draw < 0.85:
        # Ofcom's range for drama: numbers that belong to nobody.
        return f"+44 7700 900{number % 1000:03d}"
    return None
