@echo off
rem Attention Explorer. No arguments: the app. Arguments: the command line (try --help).
rem JAVA_OPTS adds options for the Java runtime, e.g. set JAVA_OPTS=-Xmx8g for large models.
set "HERE=%~dp0.."
"%HERE%\runtime\bin\java.exe" %JAVA_OPTS% -Dae.home="%HERE%" -Djava.library.path="%HERE%\native" -Dorg.bytedeco.javacpp.pathsFirst=true -cp "%HERE%\app\attention-explorer.jar;%HERE%\app\lib\*" org.attentionexplorer.cli.Main %*
