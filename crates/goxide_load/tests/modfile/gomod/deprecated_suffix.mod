module example.com/depsuffix // Deprecated:    spaces trimmed
