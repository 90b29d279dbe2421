<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AdminFlow</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_admin.py" line="+103"/>
        <source>No admin PIN is set. Set one with “kiosk pin” on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPinScreen</name>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="+20"/>
        <source>Staff only: enter the admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n digits typed</source>
        <translation>
            <numerusform>%n digit typed</numerusform>
            <numerusform>%n digits typed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Wrong PIN. Try again in %n second(s).</source>
        <translation>
            <numerusform>Wrong PIN. Try again in %n second.</numerusform>
            <numerusform>Wrong PIN. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="+17"/>
        <source>Kiosk settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Speak greetings aloud: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak greetings aloud: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Speech is off: this computer has no sound output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech is off: no voice is installed for speaking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech is off: the speech engine could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech went off: the voice stopped answering. Turn it on to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech went off: the voice stopped. Turn it on to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Badges: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language after each visitor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Español</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer a visitor within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome a visitor within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close the kiosk program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to the welcome screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlreadyScreen</name>
    <message>
        <location filename="../Kiosk/AlreadyScreen.qml" line="+20"/>
        <source>You&apos;re already checked in, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Please take a seat. If you have been waiting a while, please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraScreen</name>
    <message>
        <location filename="../Kiosk/CameraScreen.qml" line="+22"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan your invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading your code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold the QR code on your invitation inside the square, about a hand&apos;s width from the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The camera is not available. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Type my name instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInFlow</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_check_in.py" line="+144"/>
        <source>We couldn&apos;t find anyone with that name. Check the spelling, or choose “I&apos;m not sure”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please type the full name of the person you are visiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Welcome, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Someone from reception</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <location filename="../Kiosk/ContactScreen.qml" line="+21"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The e-mail or phone you gave when you arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your e-mail or phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>So that only you can check yourself out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a faster check-in next time. Only reception sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E-mail or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="+19"/>
        <source>Welcome, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reception knows you&apos;re here and is coming to greet you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take a seat. If nobody comes to greet you in a few minutes, please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please take a seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your visitor badge is printing: please take it from the printer, and wear it while you are here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="+10"/>
        <source>Very bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Very good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You&apos;re checked out. How was your welcome?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostScreen</name>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="+30"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whom are you visiting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type two or more letters of their name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type their full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Names appear here as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one on the staff list matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+55"/>
        <source>Or let reception help:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>I&apos;m not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskViewModel</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_refusals.py" line="+21"/>
        <source>That person is not on the staff list any more. Please choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We couldn&apos;t find your earlier visit. Please check in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please choose whom you are visiting, or ask at reception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That can&apos;t be done now. Please ask at reception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That took a little long. Please check in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This screen has moved on. Please start again, or ask at reception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to say your name can&apos;t contain control characters. Please type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>We couldn&apos;t read that code. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We can&apos;t accept that code. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That code is for another of our sites. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That code is for something else. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You&apos;re early! Your invitation works closer to the time of your visit. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That invitation was for another day. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That invitation has been used already. Please check in with your name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That invitation has been withdrawn. Please check in with your name, or ask at reception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You&apos;ve checked out already. Thank you for visiting!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Names can&apos;t contain control characters. Please type your name again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That name is too long. Please keep it under %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="+23"/>
        <source>Front desk check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>We can&apos;t reach reception&apos;s system right now. Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Staff settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="+19"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking out? Type your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is your name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First and last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only reception sees your name. It is erased after %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PronunciationScreen</name>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="+18"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How should we say your name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You&apos;re visiting %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception will help you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: spell your name the way it sounds, for example “shi-VAWN”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How your name sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking you in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturningScreen</name>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="+16"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome back, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last time you visited %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I&apos;m visiting %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I&apos;m visiting someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That&apos;s not me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanRefusedScreen</name>
    <message>
        <location filename="../Kiosk/ScanRefusedScreen.qml" line="+27"/>
        <source>Type my name instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back to the start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetStepper</name>
    <message>
        <location filename="../Kiosk/TargetStepper.qml" line="+22"/>
        <source>Shorter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Longer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../Kiosk/ThanksScreen.qml" line="+18"/>
        <source>Thank you for visiting!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Have a good day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="+31"/>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Welcome! Please check in so we can let your host know you&apos;re here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan your invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Español</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
