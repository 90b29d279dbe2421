<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>AdminPinScreen</name>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="18" />
        <source>Staff only: enter the admin PIN</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../Kiosk/AdminPinScreen.qml" line="26" />
        <source>%n digits typed</source>
        <translation><numerusform>%n digit typed</numerusform><numerusform>%n digits typed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../Kiosk/AdminPinScreen.qml" line="34" />
        <source>Wrong PIN. Try again in %n second(s).</source>
        <translation><numerusform>Wrong PIN. Try again in %n second.</numerusform><numerusform>Wrong PIN. Try again in %n seconds.</numerusform></translation>
    </message>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="59" />
        <source>Erase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="73" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="81" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="16" />
        <source>Kiosk settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="22" />
        <source>Speak greetings aloud: on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="23" />
        <source>Speak greetings aloud: off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="28" />
        <source>Language after each visitor:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="35" />
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="41" />
        <source>Español</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="49" />
        <source>Close the kiosk program</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="56" />
        <source>Back to the welcome screen</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CheckOutPickScreen</name>
    <message>
        <location filename="../Kiosk/CheckOutPickScreen.qml" line="17" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/CheckOutPickScreen.qml" line="22" />
        <source>Which visit is yours?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/CheckOutPickScreen.qml" line="34" />
        <source>%1, visiting %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="17" />
        <source>Welcome, %1!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="28" />
        <source>%1 is on the way.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="29" />
        <source>Reception knows you're here and is coming to greet you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="39" />
        <source>Please take a seat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="44" />
        <source>Finish</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="8" />
        <source>Very bad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="8" />
        <source>Bad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="8" />
        <source>All right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="9" />
        <source>Good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="9" />
        <source>Very good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="20" />
        <source>You're checked out. How was your welcome?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="61" />
        <source>Skip</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HostScreen</name>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="19" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="24" />
        <source>Whom are you visiting?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="33" />
        <source>Type two or more letters of their name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="34" />
        <source>Type their full name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="44" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="94" />
        <source>Names appear here as you type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="95" />
        <source>No one on the staff list matches “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="108" />
        <source>Or let reception help:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="118" />
        <source>I'm not sure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="124" />
        <source>Delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="130" />
        <source>Interview</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KioskViewModel</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="248" />
        <source>Someone from reception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="287" />
        <source>Names can't contain control characters. Please type your name again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="289" />
        <source>That name is too long. Please keep it under %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="293" />
        <source>Please type your name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="391" />
        <source>We couldn't find anyone with that name. Check the spelling, or choose “I'm not sure”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="400" />
        <source>Please type the full name of the person you are visiting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="467" />
        <source>Welcome, %1!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="489" />
        <source>We couldn't find a visit under that name today. Check the spelling, or ask at reception.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="539" />
        <source>No admin PIN is set. Set one with “kiosk pin” on this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk.py" line="564" />
        <source>That PIN is not right.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="12" />
        <source>Front desk check-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Main.qml" line="58" />
        <source>We can't reach reception's system right now. Trying again…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Main.qml" line="77" />
        <source>Staff settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="18" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="24" />
        <source>Checking out? Type your name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="25" />
        <source>What is your name?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="34" />
        <source>First and last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="44" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PronunciationScreen</name>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="17" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="22" />
        <source>How should we say your name?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="30" />
        <source>You're visiting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="31" />
        <source>Reception will help you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="32" />
        <source>Optional: spell your name the way it sounds, for example “shi-VAWN”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="40" />
        <source>How your name sounds (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="47" />
        <source>Hear it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="57" />
        <source>Checking you in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="57" />
        <source>Check in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReturningScreen</name>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="15" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="21" />
        <source>Welcome back, %1!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="30" />
        <source>Last time you visited %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="38" />
        <source>I'm visiting %1 again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="46" />
        <source>I'm visiting someone else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="47" />
        <source>Continue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="54" />
        <source>That's not me</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../Kiosk/ThanksScreen.qml" line="16" />
        <source>Thank you for visiting!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ThanksScreen.qml" line="27" />
        <source>Have a good day.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/ThanksScreen.qml" line="32" />
        <source>Finish</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="21" />
        <source>Logo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="35" />
        <source>Welcome! Please check in so we can let your host know you're here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="46" />
        <source>Check in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="53" />
        <source>Check out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="62" />
        <location filename="../Kiosk/WelcomeScreen.qml" line="64" />
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="69" />
        <source>Español</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WhichVisitorScreen</name>
    <message>
        <location filename="../Kiosk/WhichVisitorScreen.qml" line="17" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WhichVisitorScreen.qml" line="22" />
        <source>Is this you?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WhichVisitorScreen.qml" line="27" />
        <source>We know more than one visitor with this name. Choose your email or phone number:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Kiosk/WhichVisitorScreen.qml" line="45" />
        <source>None of these</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>