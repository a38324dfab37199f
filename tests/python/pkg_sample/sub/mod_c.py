# pkg_sample.sub.mod_c
value = 'C-value'
