@echo off
rem `clipfile`, the command line of the installed desktop app: Clipfile.exe run as plain Node
rem (ELECTRON_RUN_AS_NODE) on the CLI bundled in app.asar. Lives in the app's resources\bin;
rem add that folder to your PATH.
setlocal
set ELECTRON_RUN_AS_NODE=1
set CLIPFILE_CLI_MAIN=1
"%~dp0..\..\Clipfile.exe" "%~dp0..\app.asar\out\cli\clipfile.cjs" %*
exit /b %ERRORLEVEL%
