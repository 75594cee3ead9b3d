Console.Error.WriteLine("the orbit benchmarks are not written yet");
return 1;
