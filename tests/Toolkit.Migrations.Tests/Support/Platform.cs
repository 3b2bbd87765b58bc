// The engine's tests use real git, POSIX file modes and SIGKILL: they run where CI runs, on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
