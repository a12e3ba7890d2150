// Placeholder until the sandbox lands (issue 3).
System.Console.Error.WriteLine("sandbox: not implemented yet");
return 1;
