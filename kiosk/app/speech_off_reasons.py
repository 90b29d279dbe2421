"""Why speech is off, as codes the screens turn into their own words: the first three come from
the speaking process at start (kiosk.app.speech_child), the last two from the screen's watch
over it (kiosk.app.speech). Kept apart so the screen loads none of the speaking process's code."""

NO_AUDIO_OUTPUT = "no_audio_output"  # no sound device or sound server to speak to
NO_VOICE = "no_voice"  # the engine runs but has no voice installed or configured
ENGINE_ERROR = "engine_error"  # the engine failed to start, or reported an error
ENGINE_STUCK = "engine_stuck"  # it stopped answering in time, or flooded its error output
ENGINE_CRASHED = "engine_crashed"  # the speaking process ended or could not be started
