// Header comment stays.
using System;
using Modern.Storage.Model;
using Modern.Storage; // already here

namespace App;

public static class Store
{
    public static string Name => nameof(Store); // Legacy.Storage in a comment is not code
}
