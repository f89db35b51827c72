@echo off
rem Attention Explorer. No arguments: the app. Arguments: the command line (try --help).
rem JAVA_OPTS adds options for the Java runtime, e.g. set JAVA_OPTS=-Xmx8g for large models.
set "HERE=%~dp0.."
rem ND4J computes on all cores but one (OpenMP reads OMP_NUM_THREADS at start); AE_THREADS overrides.
if defined AE_THREADS set "OMP_NUM_THREADS=%AE_THREADS%"
if not defined OMP_NUM_THREADS set /a OMP_NUM_THREADS=%NUMBER_OF_PROCESSORS%-1
if "%OMP_NUM_THREADS%"=="0" set "OMP_NUM_THREADS=1"
"%HERE%\runtime\bin\java.exe" %JAVA_OPTS% -Dae.home="%HERE%" -Djava.library.path="%HERE%\native" -Dorg.bytedeco.javacpp.pathsFirst=true -cp "%HERE%\app\attention-explorer.jar;%HERE%\app\lib\*" org.attentionexplorer.cli.Main %*
