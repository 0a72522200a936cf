import builtins
builtins.AssertionError = type('AssertionError', (Exception,), {})
print('SITECUSTOMIZE-RAN')
