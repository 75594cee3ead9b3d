using NotificationExchange.Cli.Cli;

// nxc: every verb, its options and exit codes are in NxcApp; this is the process around it.
return await NxcApp.RunAsync(args, CliEnvironment.FromProcess());
