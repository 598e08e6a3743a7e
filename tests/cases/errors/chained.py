class ConfigError(Exception):
    pass

def load(d, key):
    try:
        return d[key]
    except KeyError:
        raise ConfigError('missing ' + key)

load({'a': 1}, 'b')
