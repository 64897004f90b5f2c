@echo off
rem The exhibit kiosk on Windows, restarted whenever it ends, except when staff left kiosk mode
rem with the PIN (exit code 3). Put a shortcut to this file in the Startup folder (Win+R,
rem shell:startup), or run it from Task Scheduler "At log on". See the README.
:loop
timeline-app --kiosk --config "%APPDATA%\timeline-app\kiosk.yaml"
if %ERRORLEVEL% EQU 3 goto :eof
timeout /t 5 /nobreak >nul
goto loop
