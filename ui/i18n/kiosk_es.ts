<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AdminFlow</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_admin.py" line="+103"/>
        <source>No admin PIN is set. Set one with “kiosk pin” on this computer.</source>
        <translation>No hay PIN de administración. Configúrelo con «kiosk pin» en este equipo.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
</context>
<context>
    <name>AdminPinScreen</name>
    <message>
        <location filename="../Kiosk/AdminPinScreen.qml" line="+20"/>
        <source>Staff only: enter the admin PIN</source>
        <translation>Solo personal: introduzca el PIN de administración</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n digits typed</source>
        <translation>
            <numerusform>%n dígito escrito</numerusform>
            <numerusform>%n dígitos escritos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Wrong PIN. Try again in %n second(s).</source>
        <translation>
            <numerusform>PIN incorrecto. Inténtelo de nuevo en %n segundo.</numerusform>
            <numerusform>PIN incorrecto. Inténtelo de nuevo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../Kiosk/AdminScreen.qml" line="+17"/>
        <source>Kiosk settings</source>
        <translation>Ajustes del quiosco</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Speak greetings aloud: on</source>
        <translation>Saludo en voz alta: activado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak greetings aloud: off</source>
        <translation>Saludo en voz alta: desactivado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Speech is off: this computer has no sound output.</source>
        <translation>La voz está apagada: este ordenador no tiene salida de sonido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech is off: no voice is installed for speaking.</source>
        <translation>La voz está apagada: no hay ninguna voz instalada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech is off: the speech engine could not start.</source>
        <translation>La voz está apagada: el motor de voz no pudo arrancar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech went off: the voice stopped answering. Turn it on to try again.</source>
        <translation>La voz se apagó: dejó de responder. Enciéndala para volver a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech went off: the voice stopped. Turn it on to try again.</source>
        <translation>La voz se apagó: se detuvo. Enciéndala para volver a intentarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Badges: %1</source>
        <translation>Tarjetas de visitante: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language after each visitor:</source>
        <translation>Idioma tras cada visitante:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer a visitor within</source>
        <translation>Atender a un visitante en</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome a visitor within</source>
        <translation>Recibir a un visitante en</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close the kiosk program</source>
        <translation>Cerrar el programa del quiosco</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to the welcome screen</source>
        <translation>Volver a la pantalla de bienvenida</translation>
    </message>
</context>
<context>
    <name>AlreadyScreen</name>
    <message>
        <location filename="../Kiosk/AlreadyScreen.qml" line="+20"/>
        <source>You&apos;re already checked in, %1.</source>
        <translation>Ya ha registrado su entrada, %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Please take a seat. If you have been waiting a while, please ask at the front desk.</source>
        <translation>Tome asiento, por favor. Si lleva un rato esperando, pregunte en recepción.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>CameraScreen</name>
    <message>
        <location filename="../Kiosk/CameraScreen.qml" line="+22"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan your invitation</source>
        <translation>Escanear mi invitación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading your code…</source>
        <translation>Leyendo su código…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold the QR code on your invitation inside the square, about a hand&apos;s width from the camera.</source>
        <translation>Sostenga el código QR de su invitación dentro del cuadrado, a un palmo de la cámara.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The camera is not available. Please check in with your name instead.</source>
        <translation>La cámara no está disponible. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Type my name instead</source>
        <translation>Escribir mi nombre</translation>
    </message>
</context>
<context>
    <name>CheckInFlow</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_check_in.py" line="+144"/>
        <source>We couldn&apos;t find anyone with that name. Check the spelling, or choose “I&apos;m not sure”.</source>
        <translation>No encontramos a nadie con ese nombre. Revise cómo lo ha escrito o elija «No estoy seguro».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please type the full name of the person you are visiting.</source>
        <translation>Escriba el nombre completo de la persona a la que visita, por favor.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Welcome, %1!</source>
        <translation>¡Bienvenido, %1!</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Someone from reception</source>
        <translation>Alguien de recepción</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <location filename="../Kiosk/ContactScreen.qml" line="+21"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The e-mail or phone you gave when you arrived</source>
        <translation>El correo o teléfono que dio al llegar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your e-mail or phone (optional)</source>
        <translation>Su correo o teléfono (opcional)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>So that only you can check yourself out.</source>
        <translation>Así solo usted puede registrar su salida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a faster check-in next time. Only reception sees it.</source>
        <translation>Para registrarse más rápido la próxima vez. Solo lo ve recepción.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E-mail or phone</source>
        <translation>Correo o teléfono</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../Kiosk/DoneScreen.qml" line="+19"/>
        <source>Welcome, %1!</source>
        <translation>¡Bienvenido, %1!</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is on the way.</source>
        <translation>%1 viene de camino.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reception knows you&apos;re here and is coming to greet you.</source>
        <translation>Recepción sabe que ha llegado y viene a recibirle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take a seat. If nobody comes to greet you in a few minutes, please ask at the front desk.</source>
        <translation>Tome asiento, por favor. Si nadie viene a recibirle en unos minutos, pregunte en recepción.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please take a seat.</source>
        <translation>Tome asiento, por favor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your visitor badge is printing: please take it from the printer, and wear it while you are here.</source>
        <translation>Su tarjeta de visitante se está imprimiendo: recójala en la impresora y llévela puesta durante su visita.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <location filename="../Kiosk/FeedbackScreen.qml" line="+10"/>
        <source>Very bad</source>
        <translation>Muy mal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bad</source>
        <translation>Mal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All right</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Very good</source>
        <translation>Muy bien</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You&apos;re checked out. How was your welcome?</source>
        <translation>Salida registrada. ¿Qué tal le recibimos?</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
</context>
<context>
    <name>HostScreen</name>
    <message>
        <location filename="../Kiosk/HostScreen.qml" line="+30"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whom are you visiting?</source>
        <translation>¿A quién visita?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type two or more letters of their name</source>
        <translation>Escriba dos o más letras de su nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type their full name</source>
        <translation>Escriba su nombre completo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Names appear here as you type.</source>
        <translation>Los nombres aparecen aquí mientras escribe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one on the staff list matches “%1”.</source>
        <translation>Nadie del personal coincide con «%1».</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+55"/>
        <source>Or let reception help:</source>
        <translation>O deje que le ayude recepción:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>I&apos;m not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
</context>
<context>
    <name>KioskViewModel</name>
    <message>
        <location filename="../../kiosk/viewmodels/kiosk_refusals.py" line="+21"/>
        <source>That person is not on the staff list any more. Please choose again.</source>
        <translation>Esa persona ya no figura en la lista del personal. Elija de nuevo, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We couldn&apos;t find your earlier visit. Please check in again.</source>
        <translation>No encontramos su visita anterior. Registre su entrada de nuevo, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please choose whom you are visiting, or ask at reception.</source>
        <translation>Elija a quién visita o pregunte en recepción, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That can&apos;t be done now. Please ask at reception.</source>
        <translation>Eso no se puede hacer ahora. Pregunte en recepción, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That took a little long. Please check in again.</source>
        <translation>Ha pasado demasiado tiempo. Registre su entrada de nuevo, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This screen has moved on. Please start again, or ask at reception.</source>
        <translation>Esta pantalla ya ha cambiado. Empiece de nuevo o pregunte en recepción, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to say your name can&apos;t contain control characters. Please type it again.</source>
        <translation>La forma de decir su nombre no puede contener caracteres de control. Vuelva a escribirla, por favor.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>We couldn&apos;t read that code. Please check in with your name instead.</source>
        <translation>No hemos podido leer ese código. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We can&apos;t accept that code. Please check in with your name instead.</source>
        <translation>No podemos aceptar ese código. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That code is for another of our sites. Please check in with your name instead.</source>
        <translation>Ese código es de otra de nuestras sedes. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That code is for something else. Please check in with your name instead.</source>
        <translation>Ese código es para otra cosa. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You&apos;re early! Your invitation works closer to the time of your visit. Please check in with your name instead.</source>
        <translation>¡Ha llegado pronto! Su invitación sirve más cerca de la hora de su visita. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That invitation was for another day. Please check in with your name instead.</source>
        <translation>Esa invitación era para otro día. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That invitation has been used already. Please check in with your name instead.</source>
        <translation>Esa invitación ya se ha usado. Registre su entrada con su nombre, por favor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That invitation has been withdrawn. Please check in with your name, or ask at reception.</source>
        <translation>Esa invitación se ha retirado. Registre su entrada con su nombre o pregunte en recepción, por favor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You&apos;ve checked out already. Thank you for visiting!</source>
        <translation>Ya ha registrado su salida. ¡Gracias por su visita!</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Names can&apos;t contain control characters. Please type your name again.</source>
        <translation>El nombre no puede contener caracteres de control. Vuelva a escribirlo, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That name is too long. Please keep it under %1 characters.</source>
        <translation>Ese nombre es demasiado largo. Use menos de %1 caracteres, por favor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your name.</source>
        <translation>Escriba su nombre, por favor.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="+23"/>
        <source>Front desk check-in</source>
        <translation>Registro en recepción</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>We can&apos;t reach reception&apos;s system right now. Trying again…</source>
        <translation>Ahora no podemos conectar con el sistema de recepción. Reintentando…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Staff settings</source>
        <translation>Ajustes del personal</translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../Kiosk/NameScreen.qml" line="+19"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking out? Type your name.</source>
        <translation>¿Se marcha? Escriba su nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is your name?</source>
        <translation>¿Cómo se llama?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First and last name</source>
        <translation>Nombre y apellidos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only reception sees your name. It is erased after %1 days.</source>
        <translation>Solo recepción ve su nombre. Se borra al cabo de %1 días.</translation>
    </message>
</context>
<context>
    <name>PronunciationScreen</name>
    <message>
        <location filename="../Kiosk/PronunciationScreen.qml" line="+18"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How should we say your name?</source>
        <translation>¿Cómo se pronuncia su nombre?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You&apos;re visiting %1.</source>
        <translation>Visita a %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception will help you.</source>
        <translation>Recepción le atenderá.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: spell your name the way it sounds, for example “shi-VAWN”.</source>
        <translation>Opcional: escriba su nombre como suena, por ejemplo «shi-VAWN».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How your name sounds</source>
        <translation>Cómo suena su nombre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hear it</source>
        <translation>Escucharlo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking you in…</source>
        <translation>Registrando su llegada…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check in</source>
        <translation>Registrar entrada</translation>
    </message>
</context>
<context>
    <name>ReturningScreen</name>
    <message>
        <location filename="../Kiosk/ReturningScreen.qml" line="+16"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome back, %1!</source>
        <translation>¡Bienvenido de nuevo, %1!</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last time you visited %1.</source>
        <translation>La última vez visitó a %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I&apos;m visiting %1 again</source>
        <translation>Vengo a ver a %1 otra vez</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I&apos;m visiting someone else</source>
        <translation>Vengo a ver a otra persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That&apos;s not me</source>
        <translation>No soy yo</translation>
    </message>
</context>
<context>
    <name>ScanRefusedScreen</name>
    <message>
        <location filename="../Kiosk/ScanRefusedScreen.qml" line="+27"/>
        <source>Type my name instead</source>
        <translation>Escribir mi nombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back to the start</source>
        <translation>Volver al inicio</translation>
    </message>
</context>
<context>
    <name>TargetStepper</name>
    <message>
        <location filename="../Kiosk/TargetStepper.qml" line="+22"/>
        <source>Shorter: %1</source>
        <translation>Menos: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Longer: %1</source>
        <translation>Más: %1</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../Kiosk/ThanksScreen.qml" line="+18"/>
        <source>Thank you for visiting!</source>
        <translation>¡Gracias por su visita!</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Have a good day.</source>
        <translation>Que tenga un buen día.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../Kiosk/WelcomeScreen.qml" line="+31"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Welcome! Please check in so we can let your host know you&apos;re here.</source>
        <translation>¡Bienvenido! Registre su llegada y avisaremos a la persona que visita.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Check in</source>
        <translation>Registrar entrada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan your invitation</source>
        <translation>Escanear mi invitación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
</context>
</TS>
